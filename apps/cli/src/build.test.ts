import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pinSourceRelativeUrls } from "../../../tooling/build-cli";
import { currentBuild } from "../bin/current-build.js";

describe("the tt build: files beside a source stay beside it", () => {
  it("resolves new URL(path, import.meta.url) against the source, and leaves the module's own URL", () => {
    const source = [
      'const data = new URL("../../data", import.meta.url);',
      "const dir = new URL(\n  './migrations',\n  import.meta.url,\n);",
      "const self = import.meta.url;",
      `const worker = new URL(\`./solve-worker.\${ext}\`, import.meta.url);`,
    ].join("\n");
    const pinned = pinSourceRelativeUrls(source, "/repo/packages/db/src/create-db.ts");
    expect(pinned).toContain('new URL("../../data", "file:///repo/packages/db/src/create-db.ts")');
    expect(pinned).toContain(
      'new URL("./migrations", "file:///repo/packages/db/src/create-db.ts")',
    );
    expect(pinned).toContain("const self = import.meta.url;");
    expect(pinned).toContain(`new URL(\`./solve-worker.\${ext}\`, import.meta.url)`);
  });
});

describe("the tt build: when it is current", () => {
  const root = mkdtempSync(join(tmpdir(), "tt-build-"));
  const dist = join(root, "dist");
  const source = join(root, "main.ts");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function point(inputs: Record<string, number>): void {
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, "current.json"), JSON.stringify({ build: "build-1", inputs }));
  }

  it("is current while every listed source keeps its time, and stale when one changes or goes", () => {
    expect(currentBuild(dist, root)).toBeUndefined();
    writeFileSync(source, "export {};\n");
    point({ "main.ts": statSync(source).mtimeMs });
    expect(currentBuild(dist, root)).toBe(join(dist, "build-1", "tt.js"));
    utimesSync(source, new Date(), new Date(Date.now() + 5_000));
    expect(currentBuild(dist, root)).toBeUndefined();
    point({ "main.ts": statSync(source).mtimeMs, "gone.ts": 1 });
    expect(currentBuild(dist, root)).toBeUndefined();
  });
});
