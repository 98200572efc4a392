import type { Actor } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aPassenger, aTripRequest } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { crewedDriver } from "./test-support/crew";
import { useFixture } from "./test-support/fixture";
import { validInputs } from "./test-support/inputs";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day (a one-off, to school by 08:40). */
const DAY = "2026-09-03";

for (const driver of listTestDrivers()) {
  describe(`plan overrides API (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    /** The fixture's morning trip and vehicle; an afternoon trip home and a second vehicle. */
    const ids = { morning: "", afternoon: "", v1: "", v2: "" };
    let base = "";
    let baseRevision = 1;
    let admin: Actor;

    const runsOf = (plan: Json) => plan.runs as { vehicleId: string; stops: Json[] }[];
    const pick = (id: string) => ({ kind: "pickup", tripRequestId: id });
    const drop = (id: string) => ({ kind: "dropoff", tripRequestId: id });

    async function seedAfternoonAndSecondVehicle(): Promise<void> {
      const { services, county } = fixture();
      admin = { userId: county.users.admin.user.id, organisationId: county.id, role: "admin" };
      const vehicle = { ...validInputs({}, "county").vehicles, fixedCostPence: 10_000 };
      const costs = { costPerKmPence: 50, costPerHourPence: 100 };
      await services.register.update(admin, "vehicles", county.rows.vehicles, {
        ...vehicle,
        ...costs,
      });
      const second = { ...vehicle, ...costs, reference: "V-second", depotLat: 52.21 };
      ids.v1 = county.rows.vehicles;
      ids.v2 = (await services.register.create(admin, "vehicles", second)).id;
      const grace = aPassenger({
        reference: "P-second",
        givenName: "Grace",
        familyName: "Hopper",
        homeAddress: "2 Hills Road, Cambridge",
        homeLat: 52.21,
      });
      const passenger = await services.register.create(admin, "passengers", grace);
      const links = {
        passengerId: passenger.id,
        funderId: county.rows.funders,
        placeId: county.rows.places,
      };
      const afternoon = aTripRequest(links, {
        reference: "T-second",
        origin: { kind: "place", placeId: county.rows.places },
        destination: { kind: "home" },
        timing: "depart-after",
        time: "15:30",
        recurrence: { kind: "one-off", date: DAY },
      });
      ids.afternoon = (await services.register.create(admin, "tripRequests", afternoon)).id;
      ids.morning = county.rows.tripRequests;
    }

    beforeAll(async () => {
      const { call, county, services } = fixture();
      await seedAfternoonAndSecondVehicle();
      const token = county.users.admin.token;
      const started = await call("POST", "/api/plans", {
        token,
        json: { date: DAY, iterations: 5 },
      });
      const { jobId } = (await started.json()) as { jobId: string };
      await services.planning.settled(jobId);
      const job = await services.planning.getJob(admin, jobId);
      const runs = [
        { vehicleId: ids.v1, stops: [pick(ids.morning), drop(ids.morning)] },
        { vehicleId: ids.v2, stops: [pick(ids.afternoon), drop(ids.afternoon)] },
      ];
      const engine = String(job.result?.planId);
      const path = `/api/plans/${engine}/runs`;
      const saved = await call("PUT", path, { token, json: { runs, reason: "one run each" } });
      const body = (await saved.json()) as Json;
      // 422 "leaves every run as it is" when the engine made these very runs.
      expect([201, 422], JSON.stringify(body)).toContain(saved.status);
      base = saved.status === 201 ? String((body.plan as Json).id) : engine;
      baseRevision = saved.status === 201 ? 2 : 1;
    }, 300_000);

    it("evaluates a move that breaks a time window: the engine's message, nothing saved", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const before = (await (await call("GET", "/api/plans", { token })).json()) as Json;
      const move = {
        request: ids.afternoon,
        toVehicle: ids.v1,
        position: { pickup: 0, dropoff: 0 },
      };
      const answer = await call("POST", `/api/plans/${base}/evaluate`, { token, json: { move } });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as Json;
      expect((body.before as Json).violations).toEqual([]);
      const violations = (body.after as Json).violations as Json[];
      const late = violations.filter((v) => v.constraint === "time-window");
      expect(late.map((v) => v.message).join(" ")).toContain(ids.morning);
      expect(body.changedRuns).toEqual([ids.v1, ids.v2].sort());
      const stops = (body.runs as { stops: Json[] }[])[0]?.stops ?? [];
      expect(stops.map((s) => s.tripRequestId)).toEqual([
        ids.afternoon,
        ids.afternoon,
        ids.morning,
        ids.morning,
      ]);
      const after = (await (await call("GET", "/api/plans", { token })).json()) as Json;
      expect(after.total).toBe(before.total);
    });

    it("saves the best position as a revision; its cost change is exactly two evaluate() calls apart", async () => {
      const { call, county, services } = fixture();
      const token = county.users.admin.token;
      const move = { request: ids.afternoon, toVehicle: ids.v1 };
      const answer = await call("PUT", `/api/plans/${base}/runs`, {
        token,
        json: { move, reason: "one vehicle will do" },
      });
      expect(answer.status).toBe(201);
      const body = (await answer.json()) as Json;
      const plan = body.plan as Json;
      expect(plan).toMatchObject({ revision: baseRevision + 1, revisedFrom: base });
      expect(runsOf(plan).map((r) => r.vehicleId)).toEqual([ids.v1]);
      const change = body.change as Json;
      const before = await services.planning.evaluatePlan(admin, base);
      const after = await services.planning.evaluatePlan(admin, String(plan.id));
      expect(change.total).toBe(after!.cost.total - before!.cost.total);
      expect(change.distance).toBe(after!.cost.distance - before!.cost.distance);
      expect(change.fixed).toBe(-100); // the second vehicle's £100 a day, for less than £100 of time
      expect(change.total).toBeLessThan(0);
      expect(after?.violations).toEqual([]);
      // The engine's plan and the first revision are kept.
      expect((await call("GET", `/api/plans/${base}`, { token })).status).toBe(200);
    });

    it("needs acceptViolations to save a plan that breaks rules, then audits who moved what and why", async () => {
      const { call, county, services } = fixture();
      const token = county.users.admin.token;
      const list = (await (await call("GET", "/api/plans", { token })).json()) as Json;
      const latest = String((list.items as Json[])[0]?.id);
      const move = { request: ids.morning, toVehicle: ids.v1, position: { pickup: 2, dropoff: 2 } };
      const refused = await call("PUT", `/api/plans/${latest}/runs`, { token, json: { move } });
      expect(refused.status).toBe(409);
      const error = (await refused.json()) as Json;
      expect(JSON.stringify(error.details)).toContain("time-window");
      const json = { move, reason: "the morning driver is off sick", acceptViolations: true };
      const saved = await call("PUT", `/api/plans/${latest}/runs`, { token, json });
      expect(saved.status).toBe(201);
      const body = (await saved.json()) as Json;
      expect((body.acceptedViolations as Json[]).length).toBeGreaterThan(0);
      const revision = String((body.plan as Json).id);
      const before = await services.planning.evaluatePlan(admin, latest);
      const after = await services.planning.evaluatePlan(admin, revision);
      expect((body.change as Json).total).toBe(after!.cost.total - before!.cost.total);
      expect((body.change as Json).total).not.toBe(0);
      const audit = await call("GET", "/api/audit-log?resource=plans", { token });
      const [row] = ((await audit.json()) as { items: Json[] }).items;
      expect(row).toMatchObject({
        action: "update",
        userId: county.users.admin.user.id,
        resourceIds: [revision, latest],
        details: { reason: "the morning driver is off sick", revision: baseRevision + 2 },
      });
      const details = (row?.details ?? {}) as Json;
      expect(details.moved).toEqual([]); // same vehicle, new order
      expect(details.changedRuns).toEqual([ids.v1]);
      // The plan it was made from now has a revision: a second change to it is refused.
      const again = await call("PUT", `/api/plans/${latest}/runs`, { token, json });
      expect(again.status).toBe(409);
    });

    it("answers 422 naming an unknown request or vehicle, a position outside the run, or no change", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const unknown = "00000000-0000-4000-8000-0000000000ff";
      const evaluate = (json: unknown) =>
        call("POST", `/api/plans/${base}/evaluate`, { token, json });
      const noRequest = await evaluate({ move: { request: unknown, toVehicle: ids.v1 } });
      expect(noRequest.status).toBe(422);
      expect(JSON.stringify(await noRequest.json())).toContain(`no trip request ${unknown}`);
      const noVehicle = await evaluate({ move: { request: ids.morning, toVehicle: unknown } });
      expect(JSON.stringify(await noVehicle.json())).toContain(`no vehicle ${unknown}`);
      const far = await evaluate({
        move: { request: ids.morning, toVehicle: ids.v2, position: { pickup: 3, dropoff: 3 } },
      });
      expect(far.status).toBe(422);
      expect(JSON.stringify(await far.json())).toContain("move.position.pickup");
      const both = await evaluate({ move: { request: ids.morning, toVehicle: ids.v1 }, runs: [] });
      expect(both.status).toBe(422);
    });

    it("answers 404 for another organisation's plan and 403 to a role that may not plan", async () => {
      const { call, city, county } = fixture();
      const move = { request: ids.afternoon, toVehicle: ids.v1 };
      const other = city.users.admin.token;
      expect(
        (await call("POST", `/api/plans/${base}/evaluate`, { token: other, json: { move } }))
          .status,
      ).toBe(404);
      expect(
        (await call("PUT", `/api/plans/${base}/runs`, { token: other, json: { move } })).status,
      ).toBe(404);
      const manifest = `/api/plans/${base}/runs/${ids.v1}/manifest`;
      expect((await call("GET", manifest, { token: other })).status).toBe(404);
      const driver = county.users.driver.token;
      expect(
        (await call("POST", `/api/plans/${base}/evaluate`, { token: driver, json: { move } }))
          .status,
      ).toBe(403);
      expect(
        (await call("PUT", `/api/plans/${base}/runs`, { token: driver, json: { move } })).status,
      ).toBe(403);
    });

    it("gives a driver the run's manifest with names, places and needs, and audits the read", async () => {
      const { call, county, services } = fixture();
      const token = await crewedDriver(fixture(), ids.v2);
      const headers = { "x-purpose": "driver's run sheet" };
      const answer = await call("GET", `/api/plans/${base}/runs/${ids.v2}/manifest`, {
        token,
        headers,
      });
      expect(answer.status).toBe(200);
      const manifest = (await answer.json()) as Json;
      expect(manifest.vehicle).toMatchObject({
        id: ids.v2,
        reference: "V-second",
        passengerAssistant: false,
      });
      const stops = manifest.stops as Json[];
      expect(stops.map((s) => s.kind)).toEqual(["pickup", "dropoff"]);
      expect(stops[0]).toMatchObject({
        tripRequestId: ids.afternoon,
        passenger: { reference: "P-second", name: "Grace Hopper" },
        place: { kind: "place", name: "Netherhall School" },
        needs: { wheelchair: false, escorts: 0 },
      });
      expect(stops[1]?.place).toMatchObject({ kind: "home", address: "2 Hills Road, Cambridge" });
      expect(stops[0]?.time).toMatch(/^\d\d:\d\d$/);
      const audit = await call("GET", "/api/audit-log?resource=passengers", {
        token: county.users.admin.token,
      });
      const [row] = ((await audit.json()) as { items: Json[] }).items;
      expect(row).toMatchObject({
        action: "read",
        userId: (await services.auth.authenticate({ apiToken: token }))?.id,
        purpose: "driver's run sheet",
        details: { planId: base, vehicleId: ids.v2 },
      });
    });

    it("keeps manifests from a finance officer and booking agent, and has none for a vehicle without a run", async () => {
      const { call, county } = fixture();
      const path = `/api/plans/${base}/runs/${ids.v1}/manifest`;
      expect((await call("GET", path, { token: county.users.finance.token })).status).toBe(403);
      expect((await call("GET", path, { token: county.users["booking-agent"].token })).status).toBe(
        403,
      );
      const list = (await (
        await call("GET", "/api/plans", { token: county.users.admin.token })
      ).json()) as Json;
      const latest = String((list.items as Json[])[0]?.id);
      const none = `/api/plans/${latest}/runs/${ids.v2}/manifest`;
      expect((await call("GET", none, { token: county.users.admin.token })).status).toBe(404);
    });
  });
}
