import { type Actor, RestoredProblems } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { evaluate } from "@tt/solver";
import { aPassenger, aTripRequest, aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { lazyTravelTimes } from "../services";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";
import { adminOf } from "./test-support/partnership-scene";
import { publishDayPlan } from "./test-support/published-day";

type Json = Record<string, unknown>;
type Stop = { kind: string; tripRequestId?: string; breakId?: string };
type Run = { vehicleId: string; stops: Stop[]; costPence: number };
type Plan = { id: string; revision: number; revisedFrom: string | null; runs: Run[] } & Json;

/** Two Thursdays of term: the contract is handed back from the Monday between them. */
const BEFORE = "2026-09-10";
const ENDED_ON = "2026-09-14";
const AFTER = "2026-09-17";
/** The services' clock: the contract is signed and handed back before either day. */
const clock = { now: () => new Date("2026-09-02T09:00:00Z") };

interface Scene {
  operatorToken: string;
  contractId: string;
  minibus: string;
  ownVehicle: string;
  /** The morning trips of seated pupils, the wheelchair user's, and the afternoon trip. */
  trips: { seated: string[]; wheelchair: string; afternoon: string };
}

/** The county's pupils: two seated, one in a wheelchair, to school; one home in the afternoon. */
async function countyTrips(f: Fixture, admin: Actor): Promise<Scene["trips"]> {
  const create = (kind: "passengers" | "tripRequests", input: unknown) =>
    f.services.register.create(admin, kind, input);
  const trip = async (ref: string, lat: number, wheelchair: boolean, over: Json = {}) => {
    const needs = { ...aPassenger().needs, wheelchair };
    const passenger = await create(
      "passengers",
      aPassenger({ reference: ref, homeLat: lat, needs }),
    );
    const ids = { passengerId: passenger.id, funderId: f.county.rows.funders };
    const input = aTripRequest(
      { ...ids, placeId: f.county.rows.places },
      { reference: `HB-${ref}`, ...over },
    );
    return (await create("tripRequests", input)).id;
  };
  return {
    seated: [await trip("S1", 52.1925, false), await trip("S2", 52.193, false)],
    wheelchair: await trip("W1", 52.192, true),
    afternoon: await trip("A1", 52.194, false, {
      origin: { kind: "place", placeId: f.county.rows.places },
      destination: { kind: "home" },
      timing: "depart-after",
      time: "16:00",
    }),
  };
}

/**
 * A minibus firm's CM-01 (a wheelchair space, mornings only) granted to the county and under a
 * signed day-priced contract with it; the county's own minibus (no wheelchair space) works all
 * day. Both Thursdays are planned and published: CM-01 carries the morning pupils.
 */
async function buildScene(f: Fixture): Promise<Scene> {
  const { services, county } = f;
  const org = await services.auth.createOrganisation({ name: "Cam Minibuses", kind: "operator" });
  const user = await services.auth.createUser({
    organisationId: org.id,
    email: "operator@hand-back.example",
    displayName: "Cam Minibuses office",
    role: "operator",
    password: PASSWORD,
  });
  const operatorToken = (await services.auth.issueApiToken(user.id, "tests")).token;
  const operator: Actor = { userId: user.id, organisationId: org.id, role: "operator" };
  const layouts = [{ seats: 6, wheelchairSpaces: 1 }];
  const minibus = await services.register.create(
    operator,
    "vehicles",
    aVehicle({ reference: "CM-01", seats: 6, wheelchairSpaces: 1, layouts, availableTo: "12:00" }),
  );
  const grant = { startTime: "06:00", endTime: "19:00", validFrom: "2026-09-01" };
  const granted = await f.call("POST", "/api/availability-grants", {
    token: operatorToken,
    json: { granteeId: county.id, vehicleIds: [minibus.id], ...grant, validTo: "2027-08-31" },
  });
  expect(granted.status).toBe(201);
  const admin = adminOf(county);
  await services.register.update(admin, "vehicles", county.rows.vehicles, {
    ...{ reference: "V-own", kind: "minibus", seats: 16, depotLat: 52.2, depotLon: 0.12 },
    ...{ availableFrom: "07:00", availableTo: "18:00", fixedCostPence: 12_000 },
  });
  const trips = await countyTrips(f, admin);
  const token = county.users.admin.token;
  const contract = await f.call("POST", "/api/contracts", {
    token,
    json: {
      operatorId: org.id,
      reference: "C-201",
      title: "Netherhall School, mornings",
      funderIds: [county.rows.funders],
      price: { basis: "per-day", pence: 15_000 },
      vehicleIds: [minibus.id],
      runs: ["NET AM"],
      startsOn: "2026-09-01",
      endsOn: "2027-07-31",
      breakDates: [],
    },
  });
  expect(contract.status).toBe(201);
  const contractId = String(((await contract.json()) as Json).id);
  const signed = await f.call("POST", `/api/contracts/${contractId}/status`, {
    token,
    json: { status: "active" },
  });
  expect(signed.status).toBe(200);
  return {
    operatorToken,
    contractId,
    minibus: minibus.id,
    ownVehicle: county.rows.vehicles,
    trips,
  };
}

const pickups = (run: Run | undefined) =>
  (run?.stops ?? []).flatMap((s) => (s.kind === "pickup" ? [String(s.tripRequestId)] : []));
const sequence = (run: Run | undefined, leaving: readonly string[] = []) =>
  (run?.stops ?? [])
    .filter((s) => !leaving.includes(String(s.tripRequestId)))
    .map((s) => `${s.kind}:${s.tripRequestId ?? s.breakId}`);
const costOf = (plan: Plan) => plan.runs.reduce((sum, r) => sum + r.costPence, 0);

for (const driver of listTestDrivers()) {
  describe(`handing back a contract re-plans the buyer's operating plans (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { clock });
    let scene: Scene;
    const plans: Record<string, Plan> = {};
    const token = () => fixture().county.users.admin.token;
    const getPlan = async (id: string) =>
      (await (await fixture().call("GET", `/api/plans/${id}`, { token: token() })).json()) as Plan;
    const publishedOn = async (date: string) => {
      const res = await fixture().call("GET", `/api/plans?serviceDate=${date}&limit=50`, {
        token: token(),
      });
      const items = ((await res.json()) as { items: Plan[] }).items;
      return items.filter((p) => p.status === "published").map((p) => p.id);
    };

    beforeAll(async () => {
      scene = await buildScene(fixture());
      for (const date of [BEFORE, AFTER]) {
        plans[date] = await getPlan(await publishDayPlan(fixture(), token(), date));
      }
    });

    it("plans the contract's minibus for the morning pupils and the county's own for the afternoon", () => {
      const { seated, wheelchair, afternoon } = scene.trips;
      for (const date of [BEFORE, AFTER]) {
        const runs = plans[date]?.runs ?? [];
        const minibus = runs.find((r) => r.vehicleId === scene.minibus);
        expect([date, pickups(minibus).sort()]).toEqual([date, [...seated, wheelchair].sort()]);
        const own = runs.find((r) => r.vehicleId === scene.ownVehicle);
        expect([date, pickups(own)]).toEqual([date, [afternoon]]);
      }
    });

    it("re-plans only the hand-back's trips, from its first day, in one revision naming no one", async () => {
      const f = fixture();
      const res = await f.call("POST", `/api/contracts/${scene.contractId}/hand-back`, {
        token: scene.operatorToken,
        json: { endedOn: ENDED_ON, reason: "no driver" },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      const handed = JSON.parse(text) as Json;
      expect(handed).toMatchObject({ status: "handed-back", endedOn: ENDED_ON });
      expect(handed.replanned).toEqual([{ serviceDate: AFTER, tripsMoved: 2, tripsUnplaced: 1 }]);
      // The operator learns how many trips moved, not which, nor the buyer's costs.
      expect(text).not.toMatch(/HB-|Ada|Lovelace|costBefore/);
      // The day before the hand-back keeps its plan as it was.
      expect(await publishedOn(BEFORE)).toEqual([plans[BEFORE]?.id]);
      const [revisionId] = await publishedOn(AFTER);
      const before = plans[AFTER]!;
      const after = await getPlan(String(revisionId));
      expect(after).toMatchObject({ revision: 2, revisedFrom: before.id });
      expect(after.runs.map((r) => r.vehicleId)).toEqual([scene.ownVehicle]);
      const own = (p: Plan) => p.runs.find((r) => r.vehicleId === scene.ownVehicle);
      const { seated, wheelchair, afternoon } = scene.trips;
      // The county's own run keeps its stops in their order, with the seated pupils added.
      expect(sequence(own(after), seated)).toEqual(sequence(own(before)));
      expect(pickups(own(after)).sort()).toEqual([...seated, afternoon].sort());
      // The pupil already on it is picked up when they were told.
      const pickupOf = (p: Plan) => own(p)?.stops.find((s) => s.tripRequestId === afternoon);
      expect((pickupOf(after) as Json).start).toBe((pickupOf(before) as Json).start);
      const unplaced = (after.unassigned as Json[]).filter((u) => u.tripRequestId === wheelchair);
      expect(unplaced).toEqual([
        expect.objectContaining({
          reason: "features",
          message: "no other vehicle can take it (features: 1 vehicle)",
        }),
      ]);
    });

    it("keeps every rule: the revision, made whole again from the database, evaluates clean", async () => {
      const f = fixture();
      const [revisionId] = await publishedOn(AFTER);
      const id = String(revisionId);
      const chain = await f.services.unitOfWork.repositories.plans.findProblemChain(
        f.county.id,
        id,
      );
      const restored = new RestoredProblems(lazyTravelTimes({ kind: "geometric" }));
      const live = await restored.get(f.county.id, id, async () => chain);
      // The handed-back minibus has left the day's Problem: no later booking can use it.
      expect(live?.whole().vehicles.map((v) => v.id)).toEqual([scene.ownVehicle]);
      const plan = await getPlan(id);
      const runs = plan.runs.map((r) => ({
        vehicle: r.vehicleId,
        stops: r.stops.map((s) =>
          s.kind === "break"
            ? { kind: "break" as const, break: String(s.breakId) }
            : { kind: s.kind as "pickup" | "dropoff", request: String(s.tripRequestId) },
        ),
      }));
      const checked = evaluate(live!.whole(), { runs });
      expect(checked.violations).toEqual([]);
      expect(checked.unserved).toEqual([scene.trips.wheelchair]);
    });

    it("shows the buyer what changed and what it costs, in the revision and its audit log", async () => {
      const f = fixture();
      const [revisionId] = await publishedOn(AFTER);
      const res = await f.call("GET", `/api/plans/${revisionId}/revisions`, { token: token() });
      expect(res.status).toBe(200);
      const [latest] = ((await res.json()) as { items: Json[] }).items;
      const after = await getPlan(String(revisionId));
      expect(latest).toMatchObject({
        revision: 2,
        kind: "hand-back",
        why: "no driver",
        by: "Cam Minibuses office",
        handBack: {
          contract: "C-201",
          unassigned: [expect.objectContaining({ reference: "HB-W1", reason: "features" })],
          costBeforePence: costOf(plans[AFTER]!),
          costAfterPence: costOf(after),
        },
      });
      const handBack = latest?.handBack as { moved: Json[] };
      expect(handBack.moved.map((m) => [m.reference, m.fromVehicle, m.toVehicle]).sort()).toEqual([
        ["HB-S1", scene.minibus, scene.ownVehicle],
        ["HB-S2", scene.minibus, scene.ownVehicle],
      ]);
      expect(latest?.vehicles).toEqual([scene.minibus, scene.ownVehicle].sort());
      // Each pupil moved is picked up in the window they were told (5 minutes before to 10 after).
      for (const m of handBack.moved) {
        const shift = Number(m.pickupAfter) - Number(m.pickupBefore);
        expect([m.reference, shift >= -5 && shift <= 10]).toEqual([m.reference, true]);
      }
      const log = await f.services.unitOfWork.repositories.audit.list(f.county.id, {
        offset: 0,
        limit: 10,
        resourceId: String(revisionId),
      });
      const row = log.items.find((e) => e.resource === "trip-requests");
      expect(row?.resourceIds).toEqual(
        expect.arrayContaining([String(revisionId), ...scene.trips.seated, scene.trips.wheelchair]),
      );
    });
  });
}
