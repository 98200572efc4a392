import type { NewPlan, PlanRun, Repositories } from "@tt/app";
import { aVehicle } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { twoOrganisations } from "./test-support/two-organisations";

const DATE = "2026-11-24";

/** One run per vehicle, the i-th carrying trip `t<i>` from `500 + 60i` minutes. */
function aPlan(vehicleIds: readonly string[]): NewPlan {
  const stop = (kind: "pickup" | "dropoff", i: number, at: number) => ({
    kind,
    tripRequestId: `t${i}`,
    location: 0,
    arrival: at,
    start: at,
    departure: at + 2,
    load: [kind === "pickup" ? 1 : 0, 0],
  });
  return {
    name: `Day plan ${DATE}`,
    serviceDate: DATE,
    status: "draft",
    summary: {
      date: DATE,
      seed: 1,
      seconds: 0.1,
      travelTimes: "test",
      thread: "main-thread",
      requests: vehicleIds.length,
      assigned: vehicleIds.length,
      unassigned: 0,
      unassignedByReason: {},
      vehiclesAvailable: vehicleIds.length,
      vehiclesUsed: vehicleIds.length,
      cost: { total: 1, fixed: 1, distance: 0, time: 0 },
      distanceKm: 1,
      solverIterations: 1,
      issueCount: 0,
      issues: [],
      problemKept: false,
    },
    unassigned: [],
    problem: null,
    runs: vehicleIds.map((vehicleId, i) => ({
      vehicleId,
      layout: 0,
      stops: [stop("pickup", i, 500 + 60 * i), stop("dropoff", i, 530 + 60 * i)],
      distanceMetres: 1_000,
      durationSeconds: 600,
      costPence: 100,
    })),
  };
}

for (const driver of listTestDrivers()) {
  describe(`runs shared by revisions, as every reader sees them (${driver.name})`, () => {
    let handle: DbHandle;
    let repos: Repositories;
    let county: string;
    let trust: string;
    let vehicles: string[];
    let original: string;
    let revision: string;

    beforeAll(async () => {
      ({ handle, repos, org: county, other: trust } = await twoOrganisations(driver.open));
      const created = await repos.vehicles.createMany(county, [
        aVehicle({ reference: "V1" }),
        aVehicle({ reference: "V2" }),
      ]);
      vehicles = created.map((v) => v.id);
      const plan = await repos.plans.save(county, aPlan(vehicles));
      const [kept, changed] = plan.runs as [PlanRun, PlanRun];
      const { id: _, ...moved } = { ...changed, stops: changed.stops.slice().reverse() };
      const { problem: _p, ...fields } = aPlan(vehicles);
      const next = await repos.plans.saveRevision(county, plan.id, {
        ...fields,
        runs: [kept, moved],
      });
      await repos.plans.markPublished(county, next.id);
      [original, revision] = [plan.id, next.id];
    });
    afterAll(async () => handle?.close());

    it("a passenger's planned stops: once per plan, the shared run's in both", async () => {
      const stops = await repos.subjects.plannedStops(county, ["t0", "t1"]);
      const seen = stops.map(
        (s) => `${s.planId === original ? "original" : "revision"} ${s.kind} ${s.tripRequestId}`,
      );
      expect(seen.sort()).toEqual([
        "original dropoff t0",
        "original dropoff t1",
        "original pickup t0",
        "original pickup t1",
        "revision dropoff t0",
        "revision dropoff t1",
        "revision pickup t0",
        "revision pickup t1",
      ]);
      expect(stops.find((s) => s.planId === revision)?.planStatus).toBe("published");
      expect(await repos.subjects.plannedStops(trust, ["t0"])).toEqual([]);
    });

    it("the published plan's vehicle claims: every run of the revision, kept or new, once", async () => {
      const claims = await repos.plans.listVehicleClaims(DATE, vehicles, trust);
      expect(claims.map((c) => [c.vehicleId, c.planId, c.from, c.to])).toEqual(
        expect.arrayContaining([
          [vehicles[0], revision, 500, 532],
          [vehicles[1], revision, 560, 592],
        ]),
      );
      expect(claims).toHaveLength(2);
      expect(await repos.plans.listVehicleClaims(DATE, vehicles, county)).toEqual([]);
    });
  });
}
