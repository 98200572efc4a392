import { createTestPglite, createUnitOfWork, type DbHandle } from "@tt/db";
import { evaluate, type Plan, type Problem } from "@tt/solver";
import { aPassenger, aPlace, aStaffMember, aTripRequest, aVehicle } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type NewPlanRun,
  type PlanRunStop,
  type StoredPlan,
  systemClock,
  type UnitOfWork,
} from "../../ports";
import type { Actor } from "../../shared";
import { restoreProblem } from "../kept-problem";
import { ManifestService } from "../manifest-service";
import { enginePlan } from "../plan-from-solution";
import { PlanningService } from "../planning-service";
import { inlineSolveRunner } from "../solve-runner";
import { straightLineTravelTimes } from "../test-support/tiny-register";
import type { EditedRun } from "./plan-override-change";
import { PlanOverrideService } from "./plan-override-service";

const DATE = "2026-11-24";

let handle: DbHandle;
let uow: UnitOfWork;
let admin: Actor;
let other: Actor;
let overrides: PlanOverrideService;
let manifests: ManifestService;
/** Trip requests T-0 (wheelchair, one escort), T-1 (booster seat) to school; T-2 home at 15:30. */
let trips: string[];
let vehicles: string[];
/** The engine's plan, then a revision with the mornings on V1 and the afternoon on V2. */
let engine: StoredPlan;
let base: StoredPlan;

const as = (role: Actor["role"]): Actor => ({ ...admin, role });

async function seed(organisationId: string): Promise<void> {
  const repos = uow.repositories;
  const funder = await repos.funders.create(organisationId, { name: "SEND", kind: "send" });
  const school = await repos.places.create(organisationId, aPlace());
  const needs = aPassenger().needs;
  const passengers = await repos.passengers.createMany(organisationId, [
    aPassenger({
      reference: "P-1",
      homeAddress: "1 Mill Road, Cambridge",
      needs: { ...needs, wheelchair: true },
    }),
    aPassenger({
      reference: "P-2",
      givenName: "Alan",
      familyName: "Turing",
      homeLat: 52.2,
      needs: { ...needs, seating: "booster-seat" },
    }),
    aPassenger({
      reference: "P-3",
      givenName: "Grace",
      familyName: "Hopper",
      homeLat: 52.21,
      needs: { ...needs, doorThroughDoor: true },
    }),
  ]);
  const created = await repos.vehicles.createMany(organisationId, [
    aVehicle({ reference: "V1" }),
    aVehicle({ reference: "V2", depotLat: 52.21 }),
  ]);
  vehicles = created.map((v) => v.id);
  await repos.staff.create(
    organisationId,
    aStaffMember({ reference: "PA-1", name: "Pat Assistant", role: "passenger-assistant" }),
  );
  const ids = { funderId: funder.id, placeId: school.id };
  const once = { kind: "one-off" as const, date: DATE };
  const made = await repos.tripRequests.createMany(organisationId, [
    aTripRequest(
      { ...ids, passengerId: passengers[0]!.id },
      { reference: "T-0", escorts: 1, recurrence: once },
    ),
    aTripRequest(
      { ...ids, passengerId: passengers[1]!.id },
      { reference: "T-1", recurrence: once },
    ),
    aTripRequest(
      { ...ids, passengerId: passengers[2]!.id },
      {
        reference: "T-2",
        origin: { kind: "place", placeId: school.id },
        destination: { kind: "home" },
        timing: "depart-after",
        time: "15:30",
        recurrence: once,
      },
    ),
  ]);
  trips = made.map((t) => t.id);
}

const pick = (i: number) => ({ kind: "pickup" as const, tripRequestId: trips[i]! });
const drop = (i: number) => ({ kind: "dropoff" as const, tripRequestId: trips[i]! });

/** Mornings on V1, the afternoon on V2: no rule broken, but two vehicles' fixed costs. */
const twoRuns = (): EditedRun[] => [
  { vehicleId: vehicles[0]!, stops: [pick(0), pick(1), drop(0), drop(1)] },
  { vehicleId: vehicles[1]!, stops: [pick(2), drop(2)] },
];

async function problemOf(planId: string): Promise<Problem> {
  const kept = await uow.repositories.plans.findProblem(admin.organisationId, planId);
  if (!kept) throw new Error(`plan ${planId} kept no Problem`);
  return restoreProblem(kept, straightLineTravelTimes);
}

/** The trip request a stored stop names; undefined for a break. */
const tripOf = (s: PlanRunStop) => (s.kind === "break" ? undefined : s.tripRequestId);

/** The engine's plan of proposed runs as the evaluation returned them. */
const planOfRuns = (runs: readonly NewPlanRun[]): Plan =>
  enginePlan({ runs: runs.map((r) => ({ ...r, id: "" })) });

async function auditRows(resource: string) {
  return (
    await uow.repositories.audit.list(admin.organisationId, { offset: 0, limit: 50, resource })
  ).items;
}

beforeAll(async () => {
  handle = await createTestPglite();
  uow = createUnitOfWork(handle.db);
  const identity = uow.repositories.identity;
  const county = await identity.createOrganisation({ name: "C", kind: "council" });
  const city = await identity.createOrganisation({ name: "D", kind: "council" });
  const user = await identity.createUser({
    organisationId: county.id,
    email: "planner@c.example",
    displayName: "Planner",
    role: "admin",
    passwordHash: "x",
  });
  admin = { userId: user.id, organisationId: county.id, role: "admin" };
  other = { ...admin, organisationId: city.id };
  await seed(county.id);
  const planning = new PlanningService(uow, {
    travelTimes: straightLineTravelTimes,
    clock: systemClock,
    runner: inlineSolveRunner,
  });
  const { jobId } = await planning.startDayPlan(admin, { date: DATE, iterations: 5 });
  await planning.settled(jobId);
  const job = await planning.getJob(admin, jobId);
  engine = await planning.getPlan(admin, String(job.result?.planId));
  overrides = new PlanOverrideService(uow, straightLineTravelTimes);
  manifests = new ManifestService(uow);
  const saved = await overrides.saveOverride(admin, engine.id, {
    change: { runs: twoRuns() },
    reason: "known starting point",
  });
  base = saved.plan;
}, 300_000);
afterAll(async () => handle?.close());

describe("PlanOverrideService", () => {
  it("saves whole edited runs as revision 2 of the engine's plan, keeping the original", async () => {
    expect(engine.summary).toMatchObject({ assigned: 3 });
    expect(base).toMatchObject({ revision: 2, revisedFrom: engine.id });
    expect(base.runs.map((r) => r.vehicleId).sort()).toEqual([...vehicles].sort());
    expect(base.summary).toMatchObject({
      assigned: 3,
      unassigned: 0,
      vehiclesUsed: 2,
      violations: 0,
    });
    const original = await uow.repositories.plans.find(admin.organisationId, engine.id);
    expect(original?.runs).toEqual(engine.runs);
    expect(await problemOf(base.id)).toEqual(await problemOf(engine.id));
  });

  it("shows a move that breaks a time window, with the engine's own message", async () => {
    const move = {
      request: trips[2]!,
      toVehicle: vehicles[0]!,
      position: { pickup: 0, dropoff: 0 },
    };
    const checked = await overrides.evaluateChange(admin, base.id, { move });
    expect(checked.before.violations).toEqual([]);
    const late = checked.after.violations.filter((v) => v.constraint === "time-window");
    expect(late.length).toBeGreaterThan(0);
    expect(late.map((v) => v.message).join(" ")).toContain(trips[0]);
    expect(checked.moved).toEqual([
      { tripRequestId: trips[2], fromVehicle: vehicles[1], toVehicle: vehicles[0] },
    ]);
    // The stop order asked for, on V1: T-2 picked up, then dropped off, then the mornings.
    const v1 = checked.runs.find((r) => r.vehicleId === vehicles[0]);
    expect(v1?.stops.slice(0, 2).map(tripOf)).toEqual([trips[2], trips[2]]);
  });

  it("gives the exact cost change of two evaluate() calls: the best position saves a vehicle", async () => {
    const move = { request: trips[2]!, toVehicle: vehicles[0]! };
    const checked = await overrides.evaluateChange(admin, base.id, { move });
    const problem = await problemOf(base.id);
    const before = evaluate(problem, enginePlan(base));
    const after = evaluate(problem, planOfRuns(checked.runs));
    expect(checked.change.total).toBe(after.cost.total - before.cost.total);
    expect(checked.change.fixed).toBe(after.cost.fixed - before.cost.fixed);
    expect(checked.change.distance).toBe(after.cost.distance - before.cost.distance);
    expect(checked.change.time).toBe(after.cost.time - before.cost.time);
    expect(checked.change.fixed).toBe(-120); // V2's £120 a day is no longer spent
    expect(checked.change.total).toBeLessThan(0);
    expect(checked.after.violations).toEqual([]);
    expect(checked.runs).toHaveLength(1);
    expect(checked.changedRuns).toEqual([...vehicles].sort());
  });

  it("gives a worse cost for a detour, exactly as two evaluate() calls", async () => {
    const move = {
      request: trips[1]!,
      toVehicle: vehicles[1]!,
      position: { pickup: 0, dropoff: 0 },
    };
    const checked = await overrides.evaluateChange(admin, base.id, { move });
    const problem = await problemOf(base.id);
    const expected =
      evaluate(problem, planOfRuns(checked.runs)).cost.total -
      evaluate(problem, enginePlan(base)).cost.total;
    expect(checked.change.total).toBe(expected);
    // V2 now runs from the morning to the afternoon: hours of driver's time for one pupil.
    expect(checked.change.total).toBeGreaterThan(0);
    expect(checked.after.cost.total).toBe(checked.before.cost.total + checked.change.total);
  });

  it("refuses unknown requests and vehicles, and positions outside the run, naming them", async () => {
    const bad = "00000000-0000-4000-8000-00000000abcd";
    await expect(
      overrides.evaluateChange(admin, base.id, { move: { request: bad, toVehicle: bad } }),
    ).rejects.toMatchObject({
      code: "validation-failed",
      details: [
        { path: "move.request", message: `no trip request ${bad} in this plan` },
        { path: "move.toVehicle", message: `no vehicle ${bad} in this plan` },
      ],
    });
    const move = {
      request: trips[2]!,
      toVehicle: vehicles[0]!,
      position: { pickup: 5, dropoff: 5 },
    };
    await expect(overrides.evaluateChange(admin, base.id, { move })).rejects.toMatchObject({
      code: "validation-failed",
      details: [
        { path: "move.position.pickup", message: "expected 0 to 4" },
        { path: "move.position.dropoff" },
      ],
    });
    const runs = [{ vehicleId: vehicles[0]!, stops: [pick(0)] }];
    await expect(overrides.evaluateChange(admin, base.id, { runs })).rejects.toMatchObject({
      code: "validation-failed",
      details: [{ path: "runs.0", message: `${trips[0]} is picked up but never dropped off` }],
    });
  });

  it("saves a plan that breaks rules only when the violations are accepted, and audits it", async () => {
    const move = {
      request: trips[2]!,
      toVehicle: vehicles[0]!,
      position: { pickup: 0, dropoff: 0 },
    };
    const plansBefore = (
      await uow.repositories.plans.list(admin.organisationId, { offset: 0, limit: 50 })
    ).total;
    const auditBefore = (await auditRows("plans")).length;
    const refused = overrides.saveOverride(admin, base.id, { change: { move }, reason: "test" });
    await expect(refused).rejects.toMatchObject({ code: "conflict" });
    await expect(refused).rejects.toMatchObject({
      details: expect.arrayContaining([
        expect.objectContaining({ message: expect.stringContaining("time-window") }),
      ]),
    });
    expect(
      (await uow.repositories.plans.list(admin.organisationId, { offset: 0, limit: 50 })).total,
    ).toBe(plansBefore);
    expect(await auditRows("plans")).toHaveLength(auditBefore);

    const input = {
      change: { move },
      reason: "parent asked for one driver",
      acceptViolations: true,
    };
    const saved = await overrides.saveOverride(admin, base.id, input);
    expect(saved.plan).toMatchObject({ revision: 3, revisedFrom: base.id });
    expect(saved.plan.summary).toMatchObject({
      vehiclesUsed: 1,
      violations: saved.checked.after.violations.length,
    });
    const [row] = await auditRows("plans");
    expect(row).toMatchObject({
      action: "update",
      userId: admin.userId,
      resourceIds: [saved.plan.id, base.id],
      details: {
        reason: "parent asked for one driver",
        moved: [{ tripRequestId: trips[2], fromVehicle: vehicles[1], toVehicle: vehicles[0] }],
      },
    });
    // The same plan cannot be revised twice: the next change goes on the latest revision.
    await expect(
      overrides.saveOverride(admin, base.id, { change: { move }, acceptViolations: true }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("hides other organisations' plans and needs the plans write grant", async () => {
    const move = { request: trips[2]!, toVehicle: vehicles[0]! };
    await expect(overrides.evaluateChange(other, base.id, { move })).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(overrides.evaluateChange(as("driver"), base.id, { move })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      overrides.saveOverride(as("finance"), base.id, { change: { move } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("ManifestService", () => {
  it("lists the run's stops with names, addresses and needs, and audits the read", async () => {
    const manifest = await manifests.getManifest(as("commissioner"), base.id, vehicles[0]!);
    expect(manifest.vehicle).toMatchObject({
      reference: "V1",
      layout: { seats: 12, wheelchairSpaces: 2 },
      passengerAssistant: true,
    });
    expect(manifest.stops.map((s) => s.kind)).toEqual(["pickup", "pickup", "dropoff", "dropoff"]);
    const [first] = manifest.stops;
    expect(first).toMatchObject({
      tripRequestId: trips[0],
      passenger: { reference: "P-1", name: "Ada Lovelace" },
      place: { kind: "home", address: "1 Mill Road, Cambridge", postcode: "CB1 0AG" },
      needs: { wheelchair: true, doorThroughDoor: false, escorts: 1, seating: "standard" },
    });
    expect(first?.time).toMatch(/^\d\d:\d\d$/);
    expect(first?.notes).toEqual(["travels in their wheelchair", "1 escort"]);
    expect(manifest.stops[1]?.notes).toEqual(["booster seat (travels with the child)"]);
    expect(manifest.stops[2]?.place).toMatchObject({ kind: "place", name: "Netherhall School" });
    const [read] = await auditRows("passengers");
    expect(read).toMatchObject({
      action: "read",
      details: { planId: base.id, vehicleId: vehicles[0] },
    });
    expect(read?.resourceIds).toHaveLength(2);
    expect(read?.purpose).toContain("manifest");
  });

  it("is for roles that plan or operate runs only", async () => {
    for (const role of ["finance", "booking-agent", "auditor"] as const) {
      await expect(manifests.getManifest(as(role), base.id, vehicles[0]!)).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    // Operating roles see only their own runs (run-scope.test.ts in the server): unlinked, none.
    for (const role of ["operator", "driver"] as const) {
      await expect(manifests.getManifest(as(role), base.id, vehicles[1]!)).rejects.toMatchObject({
        code: "not-found",
      });
    }
    await expect(manifests.getManifest(other, base.id, vehicles[0]!)).rejects.toMatchObject({
      code: "not-found",
    });
  });
});
