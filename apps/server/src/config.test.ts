import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("defaults to port 3000, PGlite in the data folder and local cookies", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith(".tt-data")).toBe(true);
    expect(config.secureCookies).toBe(false);
  });

  it("honours PORT and TT_DATA_DIR", () => {
    const config = loadConfig({ PORT: "4321", TT_DATA_DIR: "/tmp/tt" });
    expect(config.port).toBe(4321);
    expect(config.dataDir).toBe("/tmp/tt");
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ PORT: "not a port", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
