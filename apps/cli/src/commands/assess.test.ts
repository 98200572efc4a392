import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTRACT_HOME_TO_SCHOOL_CASE } from "@tt/testkit";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const dir = mkdtempSync(join(tmpdir(), "tt-assess-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tt(args: string[]) {
  const result = spawnSync(process.execPath, [TT, "assess", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const HTST = CONTRACT_HOME_TO_SCHOOL_CASE;
const NEPTS = {
  regime: "nepts",
  patient: { age: 70, mobility: { stretcher: true } },
  appointment: { setting: "secondary-care" },
};

describe("tt assess", () => {
  it("prints one decision for one case", () => {
    const run = tt([file("one.json", HTST), "--on", "2026-10-01"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      eligible: true,
      category: "statutory-walking-distance",
      assessedOn: "2026-10-01",
      appealDeadline: "2026-10-29",
    });
  });

  it("prints decisions in the order of the cases, with a local policy", () => {
    const cases = [
      NEPTS,
      { ...HTST, pupil: { age: 6 }, school: { ...HTST.school, walkingDistanceMiles: 1.8 } },
      HTST,
    ];
    const run = tt([
      file("many.json", cases),
      "--on",
      "2026-10-01",
      "--local-policy",
      "example-council",
    ]);
    expect(run.code).toBe(0);
    const decisions = JSON.parse(run.stdout) as { category: string }[];
    expect(decisions.map((d) => d.category)).toEqual([
      "mobility",
      "local-discretionary",
      "statutory-walking-distance",
    ]);
  });

  it("exits 3 listing every problem by case index and field", () => {
    const bad = [
      HTST,
      { regime: "home-to-school", pupil: { age: "nine" }, school: { qualifying: true } },
      { regime: "ferry" },
    ];
    const run = tt([file("bad.json", bad), "--on", "2026-10-01"]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("cases[1].pupil.age");
    expect(run.stderr).toContain("cases[1].school.nearestSuitable");
    expect(run.stderr).toContain("cases[2].regime");
  });

  it("exits 2 on a bad date and 3 on an unknown policy", () => {
    expect(tt([file("d.json", HTST), "--on", "1 October"]).code).toBe(2);
    const unknown = tt([file("p.json", HTST), "--on", "2026-10-01", "--policy", "mars"]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('--policy: no policy "mars"');
  });
});
