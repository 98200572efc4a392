import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { configuredTravelTimes } from "./compose";
import { ConfigError, isLoopbackHost, loadConfig } from "./config";

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration: TT_TRAVEL_TIMES", () => {
  const dir = mkdtempSync(join(tmpdir(), "tt-config-"));
  const matrix = join(dir, "matrix.json");
  writeFileSync(matrix, "{}");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("defaults to the geometric model, and names the provider it builds", async () => {
    const config = loadConfig({});
    expect(config.travelTimes).toEqual({ kind: "geometric" });
    expect((await configuredTravelTimes(config)).name).toBe("geometric");
  });

  it("reads matrix:<file> and osrm:<url>", () => {
    expect(loadConfig({ TT_TRAVEL_TIMES: `matrix:${matrix}` }).travelTimes).toEqual({
      kind: "matrix-file",
      path: matrix,
    });
    expect(loadConfig({ TT_TRAVEL_TIMES: "osrm:http://127.0.0.1:5000" }).travelTimes).toEqual({
      kind: "osrm",
      baseUrl: "http://127.0.0.1:5000",
    });
  });

  it("lists every problem at once, naming the setting", () => {
    const found = problems({ TT_TRAVEL_TIMES: "osrm:ftp://x", PORT: "port" });
    expect(found).toHaveLength(2);
    expect(found.find((p) => p.startsWith("TT_TRAVEL_TIMES"))).toContain(
      "geometric, matrix:<file> or osrm:<http(s) URL>",
    );
    expect(problems({ TT_TRAVEL_TIMES: "matrix:" })).toHaveLength(1);
    expect(problems({ TT_TRAVEL_TIMES: "roads" })).toHaveLength(1);
    expect(problems({ TT_TRAVEL_TIMES: `matrix:${join(dir, "missing.csv")}` })[0]).toContain(
      "missing.csv does not exist",
    );
  });
});

describe("configuration: which hosts serve this machine only", () => {
  it("counts 127.0.0.1, localhost and ::1 as local, any other host as a network", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "LOCALHOST"])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "tt.example.org"])
      expect(isLoopbackHost(host)).toBe(false);
    expect(loadConfig({ TT_HOST: "0.0.0.0" }).secureCookies).toBe(true);
    expect(loadConfig({ TT_HOST: "::1" }).secureCookies).toBe(false);
  });
});
