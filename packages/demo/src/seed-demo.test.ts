import type { UnitOfWork } from "@tt/app";
import { loadDayRegister, verifyPassword } from "@tt/app";
import { createTestPglite, createUnitOfWork, type DbHandle } from "@tt/db";
import { type Area, isInArea } from "@tt/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoScenario, DEFAULT_DEMO_SEED } from "./build-scenario";
import type { DemoScenario } from "./scenario-types";

const EMPTY: Area = { type: "Polygon", coordinates: [] };

import { type DemoSummary, findDemo, seedDemo } from "./seed-demo";
import { loadTestGeography } from "./test-support/test-geography";

let handle: DbHandle;
let unitOfWork: UnitOfWork;
let scenario: DemoScenario;
let summary: DemoSummary;

beforeAll(async () => {
  handle = await createTestPglite();
  unitOfWork = createUnitOfWork(handle.db);
  scenario = buildDemoScenario(await loadTestGeography(), DEFAULT_DEMO_SEED);
  expect(await findDemo(unitOfWork)).toBeUndefined();
  summary = await seedDemo(unitOfWork, scenario, { log: () => {} });
});

afterAll(async () => {
  await handle?.close();
});

describe("seeding the demo", () => {
  it("stores every organisation's rows", async () => {
    const repos = unitOfWork.repositories;
    // Every organisation, and the partnership they form.
    expect(summary.organisations).toHaveLength(scenario.organisations.length + 1);
    for (const [i, demo] of scenario.organisations.entries()) {
      const stored = summary.organisations[i]!;
      expect(stored.name).toBe(demo.name);
      expect(await repos.passengers.count(stored.id)).toBe(demo.passengers.length);
      expect(await repos.tripRequests.count(stored.id)).toBe(demo.trips.length);
      expect(await repos.places.count(stored.id)).toBe(demo.places.length);
      const held = demo.vehicles.filter((v) => !v.contractedFrom);
      expect(await repos.vehicles.count(stored.id)).toBe(held.length);
      expect(await repos.staff.count(stored.id)).toBe(demo.staff.length);
      expect(await repos.funders.count(stored.id)).toBe(demo.funders.length);
      expect(await repos.budgets.count(stored.id)).toBe(demo.funders.length);
      expect(await repos.identity.listUsers(stored.id)).toHaveLength(demo.users.length);
    }
    const total = summary.organisations.reduce((sum, o) => sum + o.passengers, 0);
    expect(total).toBe(3000);
  });

  it("stores each vehicle once, and grants contracted vehicles to the councils and the ICB", async () => {
    const repos = unitOfWork.repositories;
    const references: string[] = [];
    for (const stored of summary.organisations) {
      const page = await repos.vehicles.list(stored.id, { offset: 0, limit: 500 });
      references.push(...page.items.map((v) => v.reference));
    }
    expect(new Set(references).size).toBe(references.length);
    const byName = new Map(summary.organisations.map((o) => [o.name, o.id]));
    for (const demo of scenario.organisations) {
      const contracted = demo.vehicles.filter((v) => v.contractedFrom).map((v) => v.reference);
      const grants = await repos.grants.listReceived(byName.get(demo.name) ?? "");
      const granted = grants.flatMap((g) => g.vehicleIds);
      if (demo.key === "icb") expect(granted.length).toBeGreaterThan(0);
      else expect(granted).toHaveLength(contracted.length);
    }
    const cambs = byName.get("Cambridgeshire County Council") ?? "";
    const fleet = await loadDayRegister(unitOfWork, cambs, "2026-11-24");
    const cambridgeshire = scenario.organisations.find((o) => o.key === "cambridgeshire");
    expect(fleet.vehicles.map((v) => v.reference).sort()).toEqual(
      cambridgeshire?.vehicles.map((v) => v.reference).sort(),
    );
  });

  it("links returns to their outbound trips and trips to their places", async () => {
    const owner = scenario.organisations.find((o) =>
      o.trips.some((t) => t.reference === "SEN-0001-RET"),
    );
    const cambs = summary.organisations.find((o) => o.name === owner?.name)!;
    const repos = unitOfWork.repositories;
    const back = await repos.tripRequests.findByReference(cambs.id, "SEN-0001-RET");
    const out = await repos.tripRequests.findByReference(cambs.id, "SEN-0001-OUT");
    expect(back?.returnOfId).toBe(out?.id);
    expect(out?.destination.kind).toBe("place");
    if (out?.destination.kind === "place") {
      expect((await repos.places.find(cambs.id, out.destination.placeId))?.kind).toBe("school");
    }
  });

  it("signs demo users in with the documented password", async () => {
    const user = await unitOfWork.repositories.identity.findUserByEmail(
      "commissioner@cambridgeshire.demo",
    );
    expect(user?.role).toBe("commissioner");
    expect(await verifyPassword(scenario.password, user?.passwordHash ?? "")).toBe(true);
  });

  it("records the load of personal data in the audit log", async () => {
    const icb = summary.organisations.find((o) => o.kind === "nhs-body")!;
    const entries = await unitOfWork.repositories.audit.list(icb.id, { offset: 0, limit: 10 });
    expect(entries.items.map((e) => e.resource).sort()).toEqual(["passengers", "trip-requests"]);
    expect(await unitOfWork.repositories.audit.verify(icb.id)).toBeUndefined();
  });

  it("delegates the consortium its budget and an area holding all its places and homes", async () => {
    const repos = unitOfWork.repositories;
    const fenEdge = summary.organisations.find((o) => o.kind === "local-consortium");
    const [delegation] = await repos.delegations.list(fenEdge?.id ?? "", "received");
    const demo = scenario.organisations.find((o) => o.key === "consortium");
    expect(delegation).toMatchObject({ financialYear: "2026/27", budgetPence: 25_000_000 });
    const points = [
      ...(demo?.places ?? []).map((p) => ({ lat: p.lat, lon: p.lon })),
      ...(demo?.passengers ?? []).map((p) => ({ lat: p.input.homeLat, lon: p.input.homeLon })),
    ];
    expect(points.length).toBeGreaterThan(0);
    const outside = points.filter((p) => !isInArea(delegation?.area ?? EMPTY, p));
    expect(outside).toEqual([]);
    // Cambridge's centre is far outside the Fen Edge villages.
    expect(isInArea(delegation?.area ?? EMPTY, { lat: 52.2053, lon: 0.1218 })).toBe(false);
  });

  it("stores Transport for Cambridgeshire with its members and agreements", async () => {
    const repos = unitOfWork.repositories;
    const tfc = summary.organisations.find((o) => o.kind === "partnership");
    const partnership = await repos.sharing.findPartnership(tfc?.id ?? "");
    expect(partnership?.members.map((m) => m.name).sort()).toEqual(
      [
        "Cambridgeshire County Council",
        "Fen Edge Villages Transport Consortium",
        "NHS Cambridgeshire and Peterborough ICB",
        "Peterborough City Council",
      ].sort(),
    );
    const agreements = await repos.sharing.listAgreements(tfc?.id ?? "");
    expect(agreements.map((a) => [a.reference, a.status])).toEqual([
      ["TFC-DSA-001", "active"],
      ["TFC-DSA-002", "active"],
      ["TFC-DSA-003", "active"],
      ["TFC-DSA-004", "draft"],
    ]);
    expect(agreements[1]?.caldicottApproval?.guardianName).toBeDefined();
    // Cambridgeshire's crews' agreement with Ribbonway is between the two, not the partnership's.
    const taxis = summary.organisations.find((o) => o.name === "Ribbonway Taxis Ltd");
    const operating = await repos.sharing.listAgreements(taxis?.id ?? "");
    expect(operating.map((a) => [a.reference, a.status, a.purposes])).toEqual([
      ["CCC-OPS-001", "active", ["operating-runs"]],
    ]);
    expect(summary.emails).toContain("commissioner@transportforcambridgeshire.demo");
  });

  it("knows that the demo is loaded", async () => {
    const found = await findDemo(unitOfWork);
    expect(found?.organisations).toHaveLength(8);
  });
});
