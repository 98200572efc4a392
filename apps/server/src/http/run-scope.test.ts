import type { Actor, NewPlan, NewPlanRun, PlanSummary } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aStaffMember, aTripRequest, aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day. */
const DAY = "2026-09-03";

const SUMMARY: PlanSummary = {
  date: DAY,
  seed: 1,
  seconds: 0.1,
  travelTimes: "test",
  thread: "main-thread",
  requests: 2,
  assigned: 2,
  unassigned: 0,
  unassignedByReason: {},
  vehiclesAvailable: 2,
  vehiclesUsed: 2,
  cost: { total: 20, fixed: 10, distance: 8, time: 2 },
  distanceKm: 10,
  solverIterations: 1,
  issueCount: 0,
  issues: [],
  problemKept: false,
};

function aRun(vehicleId: string, tripRequestId: string): NewPlanRun {
  const stop = { location: 0, arrival: 480, start: 480, departure: 482, load: [1, 0] };
  return {
    vehicleId,
    layout: 0,
    stops: [
      { ...stop, kind: "pickup", tripRequestId },
      { ...stop, kind: "dropoff", tripRequestId, load: [0, 0] },
    ],
    distanceMetres: 5000,
    durationSeconds: 900,
    costPence: 1000,
  };
}

interface Scene {
  planId: string;
  vehicles: { mine: string; theirs: string };
  tokens: { driverA: string; driverB: string; fleetManager: string };
  staff: { a: string; b: string; lapsed: string };
}

/** Two runs on two vehicles, each with a crewed driver, and a fleet manager of the second's operator. */
async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county } = fixture;
  const admin: Actor = {
    userId: county.users.admin.user.id,
    organisationId: county.id,
    role: "admin",
  };
  const create = (kind: Parameters<typeof services.register.create>[1], input: unknown) =>
    services.register.create(admin, kind, input);
  const operator = await create("operators", { name: "Ribbonway Taxis", kind: "taxi" });
  const theirs = await create("vehicles", aVehicle({ reference: "TX-2", operatorId: operator.id }));
  const trip = await create(
    "tripRequests",
    aTripRequest(
      {
        passengerId: county.rows.passengers,
        funderId: county.rows.funders,
        placeId: county.rows.places,
      },
      { reference: "T-2", recurrence: { kind: "one-off", date: DAY } },
    ),
  );
  const a = await create("staff", aStaffMember({ reference: "D-A", name: "Ada Driver" }));
  const b = await create("staff", aStaffMember({ reference: "D-B", operatorId: operator.id }));
  const lapsed = await create("staff", aStaffMember({ reference: "D-L", dbsExpiry: "2026-01-31" }));
  const plan: NewPlan = {
    name: `Day plan ${DAY}`,
    serviceDate: DAY,
    status: "draft",
    summary: SUMMARY,
    unassigned: [],
    problem: null,
    runs: [aRun(county.rows.vehicles, county.rows.tripRequests), aRun(theirs.id, trip.id)],
  };
  const saved = await services.unitOfWork.repositories.plans.save(county.id, plan);
  const user = async (role: "driver" | "operator", key: string, link: Json) => {
    const created = await services.auth.createUser({
      organisationId: county.id,
      email: `${key}@county.example`,
      displayName: key,
      role,
      password: PASSWORD,
      ...link,
    });
    return (await services.auth.issueApiToken(created.id, "tests")).token;
  };
  return {
    planId: saved.id,
    vehicles: { mine: county.rows.vehicles, theirs: theirs.id },
    tokens: {
      driverA: await user("driver", "driver-a", { staffId: a.id }),
      driverB: await user("driver", "driver-b", { staffId: b.id }),
      fleetManager: await user("operator", "fleet", { operatorId: operator.id }),
    },
    staff: { a: a.id, b: b.id, lapsed: lapsed.id },
  };
}

for (const driver of listTestDrivers()) {
  describe(`least privilege on runs (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    const crew = (token: string, vehicleId: string, staffIds: unknown) =>
      fixture().call("PUT", `/api/crew/${DAY}/${vehicleId}`, { token, json: { staffIds } });
    const runsOf = async (token: string) => {
      const res = await fixture().call("GET", `/api/plans/${scene.planId}`, { token });
      expect(res.status).toBe(200);
      const plan = (await res.json()) as Json;
      return { runs: (plan.runs as Json[]).map((r) => r.vehicleId), unassigned: plan.unassigned };
    };
    const manifest = (token: string, vehicleId: string) =>
      fixture().call("GET", `/api/plans/${scene.planId}/runs/${vehicleId}/manifest`, { token });

    it("crews each vehicle with its driver (staff write), answering the day's rota", async () => {
      const admin = fixture().county.users.admin.token;
      expect((await crew(admin, scene.vehicles.mine, [scene.staff.a])).status).toBe(200);
      const res = await crew(admin, scene.vehicles.theirs, [scene.staff.b]);
      expect(res.status).toBe(200);
      const rota = ((await res.json()) as { items: Json[] }).items;
      expect(rota.map((a) => [a.vehicleId, a.staffId]).sort()).toEqual(
        [
          [scene.vehicles.mine, scene.staff.a],
          [scene.vehicles.theirs, scene.staff.b],
        ].sort(),
      );
    });

    it("shows a driver only the run they crew: the plan, the map and the manifest", async () => {
      const { driverA } = scene.tokens;
      expect(await runsOf(driverA)).toEqual({ runs: [scene.vehicles.mine], unassigned: [] });
      const map = (await (
        await fixture().call("GET", `/api/plans/${scene.planId}/map`, { token: driverA })
      ).json()) as { runs: { vehicleId: string; stops: Json[] }[] };
      expect(map.runs.map((r) => r.vehicleId)).toEqual([scene.vehicles.mine]);
      // A role that may not read passengers gets no trip references on the map.
      expect(map.runs[0]?.stops.every((s) => s.tripReference === null)).toBe(true);
      expect((await manifest(driverA, scene.vehicles.mine)).status).toBe(200);
    });

    it("answers 404 to a driver reading another driver's run", async () => {
      const res = await manifest(scene.tokens.driverA, scene.vehicles.theirs);
      expect(res.status).toBe(404);
      expect((await manifest(scene.tokens.driverB, scene.vehicles.mine)).status).toBe(404);
      expect(await runsOf(scene.tokens.driverB)).toEqual({
        runs: [scene.vehicles.theirs],
        unassigned: [],
      });
    });

    it("shows a driver without a staff record no run at all", async () => {
      const unlinked = fixture().county.users.driver.token;
      expect(await runsOf(unlinked)).toEqual({ runs: [], unassigned: [] });
      expect((await manifest(unlinked, scene.vehicles.mine)).status).toBe(404);
    });

    it("shows a fleet manager only the runs on their operator's vehicles", async () => {
      const { fleetManager } = scene.tokens;
      expect(await runsOf(fleetManager)).toEqual({ runs: [scene.vehicles.theirs], unassigned: [] });
      expect((await manifest(fleetManager, scene.vehicles.mine)).status).toBe(404);
      expect((await manifest(fleetManager, scene.vehicles.theirs)).status).toBe(200);
    });

    it("lets a fleet manager crew only their own operator's vehicles", async () => {
      const { fleetManager } = scene.tokens;
      expect((await crew(fleetManager, scene.vehicles.mine, [scene.staff.b])).status).toBe(404);
      expect((await crew(fleetManager, scene.vehicles.theirs, [scene.staff.a])).status).toBe(404);
      expect((await crew(fleetManager, scene.vehicles.theirs, [scene.staff.b])).status).toBe(200);
    });

    it("keeps planners seeing every run", async () => {
      const { runs } = await runsOf(fixture().county.users.admin.token);
      expect(runs.sort()).toEqual([scene.vehicles.mine, scene.vehicles.theirs].sort());
    });

    it("refuses a person on two vehicles a day, a lapsed check and two drivers", async () => {
      const admin = fixture().county.users.admin.token;
      const twice = await crew(admin, scene.vehicles.theirs, [scene.staff.a]);
      expect(twice.status).toBe(409);
      expect(JSON.stringify(await twice.json())).toContain("D-A already crews");
      const lapsed = await crew(admin, scene.vehicles.theirs, [scene.staff.lapsed]);
      expect(lapsed.status).toBe(422);
      expect(JSON.stringify(await lapsed.json())).toContain("D-L's DBS check has lapsed");
      const two = await crew(admin, scene.vehicles.mine, [scene.staff.a, scene.staff.b]);
      expect(two.status).toBe(422);
      expect(JSON.stringify(await two.json())).toContain("a vehicle has one driver");
      // Nothing changed: driver A still sees their run.
      expect((await runsOf(scene.tokens.driverA)).runs).toEqual([scene.vehicles.mine]);
    });

    it("checks the role before the body, and scopes crew to the organisation", async () => {
      const { county, city } = fixture();
      const asDriver = await crew(county.users.driver.token, scene.vehicles.mine, "not a list");
      expect(asDriver.status).toBe(403);
      const asAgent = await fixture().call("GET", `/api/crew/${DAY}`, {
        token: county.users["booking-agent"].token,
      });
      expect(asAgent.status).toBe(403);
      const elsewhere = await crew(city.users.admin.token, scene.vehicles.mine, [scene.staff.a]);
      expect(elsewhere.status).toBe(404);
      const cityRota = await fixture().call("GET", `/api/crew/${DAY}`, {
        token: city.users.admin.token,
      });
      expect(((await cityRota.json()) as { items: unknown[] }).items).toEqual([]);
      expect((await crew(county.users.admin.token, scene.vehicles.mine, ["x"])).status).toBe(422);
    });

    it("audits crewing and each manifest a driver opens", async () => {
      const token = fixture().county.users.auditor.token;
      const res = await fixture().call("GET", "/api/audit-log?resource=staff&limit=50", { token });
      const entries = ((await res.json()) as { items: Json[] }).items;
      expect(
        entries.some((e) => e.action === "update" && String(e.purpose).startsWith("crew:")),
      ).toBe(true);
      const passengers = await fixture().call(
        "GET",
        "/api/audit-log?resource=passengers&limit=50",
        {
          token,
        },
      );
      const reads = ((await passengers.json()) as { items: Json[] }).items;
      expect(reads.some((e) => String(e.purpose).startsWith("manifest: run of"))).toBe(true);
    });

    it("refuses to link a user to another organisation's staff record or the wrong role", async () => {
      const { services, county, city } = fixture();
      const base = { organisationId: city.id, displayName: "x", password: PASSWORD };
      await expect(
        services.auth.createUser({
          ...base,
          email: "x1@city.example",
          role: "driver",
          staffId: scene.staff.a,
        }),
      ).rejects.toMatchObject({ code: "not-found" });
      await expect(
        services.auth.createUser({
          ...base,
          organisationId: county.id,
          email: "x2@county.example",
          role: "finance",
          staffId: scene.staff.a,
        }),
      ).rejects.toMatchObject({ code: "validation-failed" });
    });
  });
}
