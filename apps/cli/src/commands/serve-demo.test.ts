import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findDemo } from "@tt/demo";
import { type Composition, compose, loadConfig } from "@tt/server";
import { afterAll, describe, expect, it } from "vitest";
import { publishDemoDay } from "./demo-day";
import { decideDemo } from "./demo-exposure";
import { prepareDemo } from "./serve-demo";

const LOCAL = { host: "127.0.0.1", databaseUrl: undefined };
const NETWORK = { host: "0.0.0.0", databaseUrl: undefined };
const POSTGRES = { host: "localhost", databaseUrl: "postgres://db.example/tt" };

describe("tt serve: when the demo is loaded", () => {
  it("loads it quietly for the embedded database on this machine, with either flag", () => {
    expect(decideDemo(LOCAL, "if-local")).toEqual({ load: true, lines: [] });
    expect(decideDemo({ ...LOCAL, host: "::1" }, "always")).toEqual({ load: true, lines: [] });
    expect(decideDemo(LOCAL, undefined)).toEqual({ load: false, lines: [] });
  });

  it("refuses a network host or PostgreSQL without --demo, and says how to load it", () => {
    for (const config of [NETWORK, POSTGRES]) {
      const decision = decideDemo(config, "if-local");
      expect(decision.load).toBe(false);
      expect(decision.lines.join(" ")).toContain("tt serve --demo");
    }
    expect(decideDemo(NETWORK, "if-local").lines[0]).toContain("0.0.0.0");
    expect(decideDemo(POSTGRES, "if-local").lines[0]).toContain("DATABASE_URL");
  });

  it("loads it with --demo anywhere, warning that the accounts share one password", () => {
    const decision = decideDemo({ ...NETWORK, databaseUrl: POSTGRES.databaseUrl }, "always");
    expect(decision.load).toBe(true);
    const warning = decision.lines.join(" ");
    expect(warning).toMatch(
      /^Warning: the server listens on 0\.0\.0\.0, a network and the database/,
    );
    expect(warning).toContain("share one password");
  });
});

describe("tt serve on a network host, on the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-serve-demo-"));
  const config = loadConfig({ TT_DATA_DIR: dataDir, TT_HOST: "0.0.0.0" });
  let composition: Composition | undefined;
  afterAll(async () => {
    await composition?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates no demo account without --demo, and creates the demo with a warning with it", async () => {
    composition = await compose(config, { travelTimes: "on-first-use" });
    const { unitOfWork } = composition.services;
    const printed: string[] = [];
    await prepareDemo(composition.services, config, "if-local", (m) => printed.push(m));
    expect(await findDemo(unitOfWork)).toBeUndefined();
    expect(await unitOfWork.repositories.identity.listOrganisations()).toEqual([]);
    expect(printed.join("\n")).toContain("The demo was not loaded");

    printed.length = 0;
    await prepareDemo(composition.services, config, "always", (m) => printed.push(m));
    expect(await findDemo(unitOfWork)).toBeDefined();
    expect(printed[0]).toMatch(/^Warning: the server listens on 0\.0\.0\.0/);
    expect(printed.join("\n")).toMatch(/Sign in as .* password "/);
  }, 180_000);

  it("plans a demo organisation's day and publishes it, once", async () => {
    const services = composition?.services;
    if (!services) throw new Error("the demo is not loaded");
    const printed: string[] = [];
    const day = { seconds: 1, domain: "fenedge.demo", log: (m: string) => printed.push(m) };
    const planId = await publishDemoDay(services, day);
    expect(planId).toBeDefined();
    const org = await services.unitOfWork.repositories.identity.findUserByEmail(
      "commissioner@fenedge.demo",
    );
    const plans = await services.unitOfWork.repositories.plans.list(org?.organisationId ?? "", {
      offset: 0,
      limit: 5,
      serviceDate: "2026-11-24",
    });
    expect(plans.items.map((p) => [p.id, p.status])).toEqual([[planId, "published"]]);
    expect(printed.at(-1)).toContain("Published the demo day plan of 2026-11-24");
    expect(await publishDemoDay(services, day)).toBeUndefined();
  }, 180_000);
});
