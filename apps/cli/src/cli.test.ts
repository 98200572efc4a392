import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const CORDEAU = join(ROOT, "../shared/benchmarks/darp-cordeau/a2-16.txt");

function tt(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [TT, ...args], {
    cwd: ROOT,
    env: { ...inherited, ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tt: help and usage errors", () => {
  it("lists the commands, and exits 2 when none is given or it is unknown", () => {
    expect(tt(["--help"]).code).toBe(0);
    expect(tt(["--help"]).stdout).toContain("organisation");
    expect(tt([]).code).toBe(2);
    const unknown = tt(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it("gives each command's usage with --help and rejects unknown flags", () => {
    expect(tt(["import", "--help"]).stdout).toContain("Usage: tt import");
    const bad = tt(["solve", "x.txt", "--colour", "red"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--colour");
  });
});

describe("tt: a new installation from the command line", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-cli-"));
  const env = { TT_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("adds an organisation and its first admin, imports places, refuses a bad file, exports", () => {
    expect(tt(["organisation", "add", "Test", "County", "--kind", "council"], { env }).code).toBe(
      0,
    );
    expect(tt(["organisation", "add", "Nowhere", "--kind", "empire"], { env }).code).toBe(2);
    const weak = tt(
      [
        "user",
        "add",
        "a@test.example",
        "--organisation",
        "Test County",
        "--role",
        "admin",
        "--name",
        "A",
        "--password-stdin",
      ],
      { env, input: "short\n" },
    );
    expect(weak.code).toBe(3);
    const added = tt(
      [
        "user",
        "add",
        "a@test.example",
        "--organisation",
        "test county",
        "--role",
        "admin",
        "--name",
        "Ann Admin",
        "--password-stdin",
      ],
      { env, input: "a long enough passphrase\n" },
    );
    expect(added.code, added.stderr).toBe(0);
    const imported = tt(
      ["import", "places", join(ROOT, "data/examples/places.csv"), "--organisation", "Test County"],
      { env },
    );
    expect(imported.code, imported.stderr).toBe(0);

    const bad = join(dataDir, "bad-places.csv");
    writeFileSync(
      bad,
      "reference,name,kind,lat,lon\nX1,Somewhere,school,52.2,0.12\nX2,Nowhere,castle,52.2,0.12\n",
    );
    const refused = tt(["import", "places", bad, "--organisation", "Test County"], { env });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/row 3, kind/);

    const exported = tt(["export", "places", "--organisation", "Test County"], { env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.split("\n")[0]).toContain("reference");
    expect(exported.stdout).not.toContain("Somewhere");
  }, 120_000);
});

describe.skipIf(!existsSync(CORDEAU))("tt solve on a benchmark file", () => {
  it("prints routes in the instance's numbering and is repeatable for a seed and iteration budget", () => {
    const args = ["solve", CORDEAU, "--format", "cordeau", "--iterations", "300", "--seed", "7"];
    const first = tt(args);
    expect(first.code, first.stderr).toBe(0);
    const answer = JSON.parse(first.stdout) as {
      routes: number[][];
      cost: number;
      unassigned: unknown[];
    };
    const visited = answer.routes.flat().sort((a, b) => a - b);
    expect(visited).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(answer.unassigned).toEqual([]);
    expect(tt(args).stdout).toBe(first.stdout);
  }, 120_000);

  it("rejects an unknown format with a usage error", () => {
    expect(tt(["solve", CORDEAU, "--format", "xml"]).code).toBe(2);
  });
});
