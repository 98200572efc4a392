import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseAnalyseFlags, readScenarioDir } from "./analyse";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const work = mkdtempSync(join(tmpdir(), "tt-analyse-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Kilometres between points on a line: 0 depot, 1 school, 2..5 homes. */
const AT = [0, 10, 2, 3, 4, 5];
const distance = AT.map((a) => AT.map((b) => Math.abs(a - b)));
const time = distance.map((row) => row.map((km) => km * 2));

function trip(id: string, home: number) {
  return {
    id,
    pickup: { location: home, service: 2, window: [420, 500] },
    dropoff: { location: 1, service: 2, window: [480, 525] },
    load: [1, 0],
    maxRideTime: { absolute: 60 },
    penalty: 1000,
  };
}

function vehicle(id: string) {
  return {
    id,
    start: 0,
    end: 0,
    shift: [360, 1080],
    layouts: [[8, 1]],
    costs: { fixed: 100, perDistance: 1, perHour: 20 },
  };
}

/** Two funders with two pupils each to one school, and a minibus each. */
const scenario = {
  name: "two funders",
  date: "2026-11-24",
  funders: [
    { key: "send", name: "SEND transport", organisation: "County" },
    { key: "mainstream", name: "Home to school", organisation: "County" },
  ],
  problem: {
    version: 1,
    dimensions: ["seats", "wheelchairs"],
    locations: AT.map((_, i) => ({ id: `l${i}` })),
    matrices: { distance, time },
    requests: [trip("a1", 2), trip("a2", 3), trip("b1", 4), trip("b2", 5)],
    vehicles: [vehicle("v1"), vehicle("v2")],
    objective: "cost",
  },
  requests: {
    a1: { funder: "send", service: "send-school" },
    a2: { funder: "send", service: "send-school" },
    b1: { funder: "mainstream", service: "mainstream-school" },
    b2: { funder: "mainstream", service: "mainstream-school" },
  },
  vehicles: {
    v1: { funders: ["send"], emissionClass: "minibus-diesel" },
    v2: { funders: ["mainstream"], emissionClass: "minibus-diesel" },
  },
  mixing: { version: "test-1", rules: [] },
  positions: AT.map((x) => [0.1 + x / 68, 52.2]),
};

function folder(name: string, files: Record<string, unknown>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, value] of Object.entries(files))
    writeFileSync(join(dir, file), JSON.stringify(value));
  return dir;
}

function tt(args: string[]) {
  const result = spawnSync(process.execPath, [TT, "analyse", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tt analyse integration", () => {
  it("prints the report as JSON and writes JSON, CSV and HTML files", () => {
    const dir = folder("good", { "scenario.json": scenario });
    const out = join(work, "out");
    const run = tt([
      "integration",
      "--scenario",
      dir,
      "--iterations",
      "30",
      "--json",
      "--out",
      out,
    ]);
    expect(run.stderr).toContain("planned");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["silo", "pooled", "savings", "shares", "overlap"]),
    );
    expect(Object.keys(report.silo)).toEqual(["send", "mainstream"]);
    expect(Object.keys(report.shares.shapley)).toEqual(["send", "mainstream"]);
    expect(report.violations).toBe(0);
    expect(report.pooled.served).toBe(4);
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8"))).toEqual(report);
    expect(readFileSync(join(out, "shares.csv"), "utf8")).toContain("mainstream");
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("<h2>Pooled runs</h2>");
  });

  it("uses mixing.json instead of the scenario's policy", () => {
    const rule = { services: ["send-school", "mainstream-school"], reason: "test rule" };
    const mixing = { version: "apart-1", rules: [rule] };
    const dir = folder("mixing", { "scenario.json": scenario, "mixing.json": mixing });
    const run = tt(["integration", "--scenario", dir, "--iterations", "30", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scenario.mixingPolicy).toBe("apart-1");
  });

  it("exits 3 naming the field when the scenario is not valid", () => {
    const bad = {
      ...scenario,
      requests: { ...scenario.requests, b2: { funder: "icb", service: "x" } },
    };
    const run = tt(["integration", "--scenario", folder("bad", { "scenario.json": bad })]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("requests.b2.funder");
  });

  it("exits 2 on usage errors, naming the flag", async () => {
    expect(tt(["integration", "--demo", "--scenario", work]).code).toBe(2);
    expect(() => parseAnalyseFlags(["--demo"])).toThrow(/tt analyse integration/);
    expect(() => parseAnalyseFlags(["integration"])).toThrow(
      /--demo, --scenario DIR or --organisation/,
    );
    expect(() => parseAnalyseFlags(["integration", "--organisation", "County"])).toThrow(
      /--organisation needs --date/,
    );
    expect(() => parseAnalyseFlags(["integration", "--demo", "--as", "a@b.example"])).toThrow(
      /--as goes with --organisation/,
    );
    expect(
      parseAnalyseFlags(["integration", "--organisation", "County", "--date", "2026-11-24"]).source,
    ).toEqual({ organisation: "County", date: "2026-11-24" });
    expect(() => parseAnalyseFlags(["integration", "--demo", "--time-limit", "0"])).toThrow(
      /--time-limit/,
    );
    expect(() =>
      parseAnalyseFlags(["integration", "--scenario", work, "--date", "2026-11-24"]),
    ).toThrow(/--date/);
    expect(() => parseAnalyseFlags(["integration", "--demo", "--silo-fleets", "shared"])).toThrow(
      /--silo-fleets/,
    );
    expect(() =>
      parseAnalyseFlags(["integration", "--scenario", work, "--silo-fleets", "market"]),
    ).toThrow(/--silo-fleets/);
    await expect(readScenarioDir(join(work, "missing"))).rejects.toThrow(/cannot read/);
  });

  it("plans with a time limit of 10 s per plan unless told otherwise", () => {
    expect(parseAnalyseFlags(["integration", "--demo"])).toMatchObject({
      source: { demo: true },
      timeLimitSeconds: 10,
      seed: 1,
      json: false,
    });
    const flags = parseAnalyseFlags(["integration", "--demo", "--iterations", "5"]);
    expect(flags.timeLimitSeconds).toBeUndefined();
    expect(flags.iterations).toBe(5);
    expect(
      parseAnalyseFlags(["integration", "--demo", "--silo-fleets", "contracts"]).source,
    ).toEqual({ demo: true, siloFleets: "contracts" });
  });
});
