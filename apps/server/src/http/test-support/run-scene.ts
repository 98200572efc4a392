import type { Actor, NewPlan, NewPlanRun, PlanSummary } from "@tt/app";
import { aStaffMember, aTripRequest, aVehicle } from "@tt/testkit";
import { type Fixture, PASSWORD } from "./fixture";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day. */
export const DAY = "2026-09-03";

/** A stored plan's figures for the scene's day. */
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

/** A run on the vehicle carrying the trip at 08:00. */
export function aRun(vehicleId: string, tripRequestId: string): NewPlanRun {
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

/** Stores a draft plan of the scene's day with these runs (no Problem kept). */
export function saveDayPlan(fixture: Fixture, organisationId: string, runs: NewPlanRun[]) {
  const plan: NewPlan = {
    name: `Day plan ${DAY}`,
    serviceDate: DAY,
    status: "draft",
    summary: SUMMARY,
    unassigned: [],
    problem: null,
    runs,
  };
  return fixture.services.unitOfWork.repositories.plans.save(organisationId, plan);
}

/**
 * A driver (linked to a staff record) or fleet manager (linked to an operator record) of the
 * organisation, and an API token of theirs.
 */
export async function crewUserToken(
  fixture: Fixture,
  who: { readonly organisationId: string; readonly email: string },
  role: "driver" | "operator",
  link: Json,
): Promise<string> {
  const { auth } = fixture.services;
  const created = await auth.createUser({
    ...who,
    displayName: who.email,
    role,
    password: PASSWORD,
    ...link,
  });
  return (await auth.issueApiToken(created.id, "tests")).token;
}

export interface RunScene {
  planId: string;
  vehicles: { mine: string; theirs: string };
  /** The trip request on each vehicle's run. */
  trips: { mine: string; theirs: string };
  tokens: { driverA: string; driverB: string; fleetManager: string };
  staff: { a: string; b: string; lapsed: string };
}

/** A stored plan of two runs on two vehicles (not yet crewed: tests crew them), two drivers, and a fleet manager of the second's operator. */
export async function buildRunScene(fixture: Fixture): Promise<RunScene> {
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
  const saved = await saveDayPlan(fixture, county.id, [
    aRun(county.rows.vehicles, county.rows.tripRequests),
    aRun(theirs.id, trip.id),
  ]);
  const user = (role: "driver" | "operator", key: string, link: Json) =>
    crewUserToken(
      fixture,
      { organisationId: county.id, email: `${key}@county.example` },
      role,
      link,
    );
  return {
    planId: saved.id,
    vehicles: { mine: county.rows.vehicles, theirs: theirs.id },
    trips: { mine: county.rows.tripRequests, theirs: trip.id },
    tokens: {
      driverA: await user("driver", "driver-a", { staffId: a.id }),
      driverB: await user("driver", "driver-b", { staffId: b.id }),
      fleetManager: await user("operator", "fleet", { operatorId: operator.id }),
    },
    staff: { a: a.id, b: b.id, lapsed: lapsed.id },
  };
}
