import type { NewPlan, PlanRun, PlanSummary, UnitOfWork } from "@tt/app";
import { aVehicle } from "@tt/testkit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { queryRows } from "../raw-query";
import { listTestDrivers } from "../test-databases";
import { createUnitOfWork } from "./unit-of-work";

/** The smallest Problem the engine's validator accepts: what the store keeps and gives back. */
const PROBLEM: NonNullable<NewPlan["problem"]> = {
  kind: "whole",
  problem: {
    version: 1,
    dimensions: ["seats", "wheelchairs"],
    locations: [],
    matrices: { time: [], distance: [] },
    requests: [],
    vehicles: [],
    objective: "cost",
  },
};

const SUMMARY: PlanSummary = {
  date: "2026-11-24",
  seed: 1,
  seconds: 0.1,
  travelTimes: "test",
  thread: "main-thread",
  requests: 3,
  assigned: 2,
  unassigned: 1,
  unassignedByReason: { capacity: 1 },
  vehiclesAvailable: 2,
  vehiclesUsed: 2,
  cost: { total: 99.99, fixed: 50, distance: 40, time: 9.99 },
  distanceKm: 24.69,
  solverIterations: 10,
  issueCount: 0,
  issues: [],
  problemKept: true,
};

function aPlan(vehicleIds: readonly string[], date = "2026-11-24"): NewPlan {
  return {
    name: `Day plan ${date}`,
    serviceDate: date,
    status: "draft",
    summary: { ...SUMMARY, date },
    unassigned: [{ tripRequestId: "t3", reason: "capacity", message: "no room" }],
    problem: PROBLEM,
    runs: vehicleIds.map((vehicleId, i) => ({
      vehicleId,
      layout: i,
      stops: [
        {
          kind: "pickup",
          tripRequestId: `t${i}`,
          location: 0,
          arrival: 500 - i * 60,
          start: 500 - i * 60,
          departure: 502 - i * 60,
          load: [1, 0],
        },
        {
          kind: "dropoff",
          tripRequestId: `t${i}`,
          location: 1,
          arrival: 520,
          start: 520,
          departure: 522,
          load: [0, 0],
        },
      ],
      distanceMetres: 12_345.6,
      durationSeconds: 1_800,
      costPence: 9_999.4,
    })),
  };
}

for (const driver of listTestDrivers()) {
  describe(`PlanStore on ${driver.name}`, () => {
    let handle: DbHandle;
    let uow: UnitOfWork;
    let county: string;
    let city: string;
    let vehicles: string[];

    beforeAll(async () => {
      handle = await driver.open();
      uow = createUnitOfWork(handle.db);
      const identity = uow.repositories.identity;
      county = (await identity.createOrganisation({ name: "County", kind: "council" })).id;
      city = (await identity.createOrganisation({ name: "City", kind: "council" })).id;
      const created = await uow.repositories.vehicles.createMany(county, [
        aVehicle({ reference: "V1" }),
        aVehicle({ reference: "V2" }),
      ]);
      vehicles = created.map((v) => v.id);
    });
    afterAll(async () => handle?.close());

    it("saves a plan with its runs and finds it again, runs in time order", async () => {
      const saved = await uow.repositories.plans.save(county, aPlan(vehicles));
      const found = await uow.repositories.plans.find(county, saved.id);
      expect(found).toEqual(saved);
      expect(found?.runs.map((r) => r.vehicleId)).toEqual([vehicles[1], vehicles[0]]);
      expect(found?.runs[0]).toMatchObject({ layout: 1, distanceMetres: 12_346, costPence: 9_999 });
      expect(found?.runs[0]?.stops[0]).toMatchObject({ kind: "pickup", tripRequestId: "t1" });
      expect(found?.unassigned).toEqual([
        { tripRequestId: "t3", reason: "capacity", message: "no room" },
      ]);
      expect(await uow.repositories.plans.findProblem(county, saved.id)).toEqual(PROBLEM);
    });

    it("scopes every read to the organisation", async () => {
      const saved = await uow.repositories.plans.save(county, aPlan(vehicles, "2026-11-25"));
      expect(await uow.repositories.plans.find(city, saved.id)).toBeUndefined();
      expect(await uow.repositories.plans.findProblem(city, saved.id)).toBeUndefined();
      expect((await uow.repositories.plans.list(city, { offset: 0, limit: 10 })).total).toBe(0);
      expect(await uow.repositories.plans.find(county, "not-a-uuid")).toBeUndefined();
    });

    it("lists newest first and narrows to a date", async () => {
      const all = await uow.repositories.plans.list(county, { offset: 0, limit: 10 });
      expect(all.total).toBe(2);
      expect(all.items[0]?.serviceDate).toBe("2026-11-25");
      expect(all.items[0]).not.toHaveProperty("runs");
      const day = await uow.repositories.plans.list(county, {
        offset: 0,
        limit: 10,
        serviceDate: "2026-11-24",
      });
      expect(day.items.map((p) => p.serviceDate)).toEqual(["2026-11-24"]);
    });

    it("stores all or nothing: a run on an unknown vehicle leaves no plan", async () => {
      const bad = aPlan([vehicles[0] ?? "", "00000000-0000-4000-8000-000000000000"], "2026-12-01");
      await expect(uow.repositories.plans.save(county, bad)).rejects.toThrow();
      const day = await uow.repositories.plans.list(county, {
        offset: 0,
        limit: 10,
        serviceDate: "2026-12-01",
      });
      expect(day.total).toBe(0);
    });

    it("checks what it reads back: a summary, stops or Problem out of shape is an error naming the plan", async () => {
      const plans = uow.repositories.plans;
      const saved = await plans.save(county, aPlan(vehicles, "2026-12-03"));
      const at = sql`where id = ${saved.id}`;
      await handle.db.execute(sql`update plans set problem = '{"version": 1}'::jsonb ${at}`);
      await expect(plans.findProblem(county, saved.id)).rejects.toThrow(
        `Plan ${saved.id}: stored Problem out of shape`,
      );
      await handle.db.execute(sql`update runs set stops = '[{"kind": "break"}]'::jsonb
        where plan_id = ${saved.id}`);
      await expect(plans.find(county, saved.id)).rejects.toThrow("stored stops out of shape");
      await handle.db.execute(sql`update plans set summary = '{"requests": 3}'::jsonb ${at}`);
      const day = { offset: 0, limit: 10, serviceDate: "2026-12-03" };
      await expect(plans.list(county, day)).rejects.toThrow("stored summary out of shape");
    });

    it("stores revisions: numbered, linked to the plan they revise, sharing its Problem", async () => {
      const plans = uow.repositories.plans;
      const original = await plans.save(county, aPlan(vehicles, "2026-12-02"));
      expect(original).toMatchObject({ revision: 1, revisedFrom: null });
      const { problem: _, ...edited } = aPlan([vehicles[0] ?? ""], "2026-12-02");
      const second = await plans.saveRevision(county, original.id, edited);
      expect(second).toMatchObject({ revision: 2, revisedFrom: original.id });
      expect(second.runs).toHaveLength(1);
      const third = await plans.saveRevision(county, second.id, edited);
      expect(third.revision).toBe(3);
      expect(await plans.findProblem(county, third.id)).toEqual(PROBLEM);
      expect((await plans.find(county, original.id))?.runs).toHaveLength(2);
      expect(await plans.findRevisionOf(county, original.id)).toBe(second.id);
      expect(await plans.findRevisionOf(city, original.id)).toBeUndefined();
      // One revision per plan: the next change goes on the latest.
      await expect(plans.saveRevision(county, original.id, edited)).rejects.toMatchObject({
        code: "conflict",
      });
      await expect(plans.saveRevision(city, third.id, edited)).rejects.toMatchObject({
        code: "not-found",
      });
    });

    it("stores only the runs a revision changes: the others are shared with the plan it revises", async () => {
      const plans = uow.repositories.plans;
      const runCount = async () =>
        (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from runs`))[0]?.n;
      const original = await plans.save(county, aPlan(vehicles, "2026-12-05"));
      const [early, late] = original.runs as [PlanRun, PlanRun];
      const { problem: _, ...fields } = aPlan(vehicles, "2026-12-05");
      const moved = { ...late, stops: late.stops.map((s) => ({ ...s, arrival: s.arrival + 5 })) };
      const { id: _id, ...changed } = moved;
      const before = await runCount();
      const second = await plans.saveRevision(county, original.id, {
        ...fields,
        runs: [early, changed],
      });
      expect(await runCount()).toBe((before ?? 0) + 1);
      const third = await plans.saveRevision(county, second.id, { ...fields, runs: second.runs });
      expect(await runCount()).toBe((before ?? 0) + 1);
      expect(await plans.find(county, original.id)).toEqual(original);
      for (const revision of [second, third]) {
        const found = await plans.find(county, revision.id);
        expect(found?.runs).toEqual([early, { ...changed, id: found?.runs[1]?.id }]);
        expect(found?.runs[1]?.id).not.toBe(late.id);
      }
      expect((await plans.find(county, third.id))?.runs).toEqual(second.runs);
    });

    it("refuses a revision that keeps a run of another plan, or a changed copy of its own", async () => {
      const plans = uow.repositories.plans;
      const original = await plans.save(county, aPlan(vehicles, "2026-12-06"));
      const other = await plans.save(county, aPlan(vehicles, "2026-12-07"));
      const { problem: _, ...fields } = aPlan(vehicles, "2026-12-06");
      const [own, stranger] = [original.runs[0] as PlanRun, other.runs[1] as PlanRun];
      const copy = { ...own, stops: [] };
      for (const runs of [[own, stranger], [copy], [own, own]]) {
        await expect(
          plans.saveRevision(county, original.id, { ...fields, runs }),
        ).rejects.toMatchObject({ code: "validation-failed" });
      }
      // Nothing of a refused revision stays: the plan can still be revised.
      expect(await plans.findRevisionOf(county, original.id)).toBeUndefined();
      const kept = await plans.saveRevision(county, original.id, { ...fields, runs: [own] });
      expect(kept.runs).toEqual([own]);
    });

    it("keeps what each booking added with its revision, and gives the chain back in order", async () => {
      const plans = uow.repositories.plans;
      const at = { travelTimes: "test", points: [] };
      const original = await plans.save(county, {
        ...aPlan(vehicles, "2026-12-04"),
        problem: { ...PROBLEM, at },
      });
      const { problem: _, ...edited } = aPlan(vehicles, "2026-12-04");
      const booked = (id: string, location: number) => ({
        requests: [
          {
            id,
            pickup: { location, service: 1, window: [400, 420] as [number, number] },
            dropoff: { location, service: 1, window: [430, 460] as [number, number] },
            load: [1, 0],
            maxRideTime: { absolute: 45 },
            incompatibleWith: ["t1"],
          },
        ],
        locations: [{ id: `home:${id}` }],
        points: [{ lat: 52.2, lon: 0.1 + location / 100 }],
      });
      const first = await plans.saveRevision(county, original.id, {
        ...edited,
        additions: booked("b1", 0),
      });
      const plain = await plans.saveRevision(county, first.id, edited);
      const second = await plans.saveRevision(county, plain.id, {
        ...edited,
        additions: booked("b2", 1),
      });
      const chain = await plans.findProblemChain(county, second.id);
      expect(chain?.keptBy).toBe(original.id);
      expect(chain?.kept).toEqual({ ...PROBLEM, at });
      expect(chain?.additions).toEqual([booked("b1", 0), booked("b2", 1)]);
      expect((await plans.findProblemChain(county, first.id))?.additions).toHaveLength(1);
      expect(await plans.findProblem(county, second.id)).toEqual({ ...PROBLEM, at });
      expect(await plans.findProblemChain(city, second.id)).toBeUndefined();
      const at2 = sql`where id = ${second.id}`;
      await handle.db.execute(
        sql`update plans set problem = '{"kind": "additions"}'::jsonb ${at2}`,
      );
      await expect(plans.findProblemChain(county, second.id)).rejects.toThrow(second.id);
    });
  });
}
