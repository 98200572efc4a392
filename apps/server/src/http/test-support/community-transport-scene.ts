import type { Actor, NewPlan } from "@tt/app";
import type { TripPurpose } from "@tt/domain";
import { aTripRequest } from "@tt/testkit";
import { expect } from "vitest";
import { type Fixture, PASSWORD } from "./fixture";

/** The day the county's plan serves: a Wednesday. */
export const CT_DAY = "2026-10-14";

export interface GroupScene {
  readonly id: string;
  readonly admin: string;
  readonly operator: string;
  readonly driver: string;
  readonly driverStaffId: string;
  readonly lapsedStaffId: string;
  readonly minibus: string;
}

export interface CommissionScene {
  readonly group: GroupScene;
  /** A community transport group with a minibus and no permit. */
  readonly unpermitted: { readonly id: string };
  readonly commissioner: string;
  readonly planId: string;
  /** The county's trip requests by purpose, all in the plan (left unassigned). */
  readonly trips: Record<
    "day1" | "day2" | "day3" | "school" | "public" | "members" | "outside",
    string
  >;
}

async function userFor(f: Fixture, organisationId: string, role: Actor["role"], extra = {}) {
  const user = await f.services.auth.createUser({
    organisationId,
    email: `${role}-${organisationId.slice(0, 8)}@ct.example`,
    displayName: `CT ${role}`,
    role,
    password: PASSWORD,
    ...extra,
  });
  return { id: user.id, token: (await f.services.auth.issueApiToken(user.id, "tests")).token };
}

const tokenFor = async (f: Fixture, organisationId: string, role: Actor["role"], extra = {}) =>
  (await userFor(f, organisationId, role, extra)).token;

/** A group with a minibus under a section 19 permit for disabled people and pupils, two drivers. */
async function buildGroup(f: Fixture, name: string, permitted: boolean) {
  const org = await f.services.auth.createOrganisation({ name, kind: "community-transport" });
  const { id: userId, token: admin } = await userFor(f, org.id, "admin");
  const me: Actor = { userId, organisationId: org.id, role: "admin" };
  const bus = {
    reference: "BCT-1",
    kind: "minibus",
    seats: 12,
    wheelchairSpaces: 2,
    depotLat: 52.2,
    depotLon: 0.12,
  };
  const minibus = await f.services.register.create(me, "vehicles", bus);
  const checks = { role: "driver", volunteer: true, licenceExpiry: "2029-01-01" };
  const driver = await f.services.register.create(me, "staff", {
    reference: "VD-1",
    name: "Val Driver",
    ...checks,
    dbsExpiry: "2028-01-01",
  });
  const lapsed = await f.services.register.create(me, "staff", {
    reference: "VD-2",
    name: "Lee Lapsed",
    ...checks,
    dbsExpiry: "2026-09-30",
  });
  if (permitted) {
    const permit = {
      kind: "section-19-permit",
      vehicleId: minibus.id,
      issuer: "Cambridgeshire County Council",
      number: "S19-4471",
      expiresOn: "2027-06-30",
      passengerClasses: ["disabled-or-ill", "pupils"],
    };
    const res = await f.call("POST", "/api/compliance-documents", { token: admin, json: permit });
    expect(res.status).toBe(201);
  }
  return {
    id: org.id,
    admin,
    operator: await tokenFor(f, org.id, "operator"),
    driver: await tokenFor(f, org.id, "driver", { staffId: driver.id }),
    driverStaffId: driver.id,
    lapsedStaffId: lapsed.id,
    minibus: minibus.id,
  };
}

/** The county's trips for the day, of several purposes, and a plan that leaves them unassigned. */
async function buildPlan(f: Fixture) {
  const { county, services } = f;
  const admin: Actor = {
    userId: county.users.admin.user.id,
    organisationId: county.id,
    role: "admin",
  };
  const ids = {
    passengerId: county.rows.passengers,
    funderId: county.rows.funders,
    placeId: county.rows.places,
  };
  const trip = async (reference: string, purpose: TripPurpose) =>
    (
      await services.register.create(
        admin,
        "tripRequests",
        aTripRequest(ids, {
          reference,
          purpose,
          recurrence: { kind: "one-off", date: CT_DAY },
        }),
      )
    ).id;
  const trips = {
    day1: await trip("T-DAY1", "adult-day-service"),
    day2: await trip("T-DAY2", "dialysis"),
    day3: await trip("T-DAY3", "gp-appointment"),
    school: await trip("T-SCH", "send-school"),
    public: await trip("T-DRT", "demand-responsive"),
    members: await trip("T-MEM", "community-transport"),
    outside: await trip("T-OUT", "adult-day-service"),
  };
  const inPlan = Object.entries(trips).filter(([k]) => k !== "outside");
  const plan: NewPlan = {
    name: `Day plan ${CT_DAY}`,
    serviceDate: CT_DAY,
    status: "draft",
    summary: {
      date: CT_DAY,
      seed: 1,
      seconds: 0.1,
      travelTimes: "test",
      thread: "main-thread",
      requests: inPlan.length,
      assigned: 0,
      unassigned: inPlan.length,
      unassignedByReason: { capacity: inPlan.length },
      vehiclesAvailable: 0,
      vehiclesUsed: 0,
      cost: { total: 0, fixed: 0, distance: 0, time: 0 },
      distanceKm: 0,
      solverIterations: 0,
      issueCount: 0,
      issues: [],
      problemKept: false,
    },
    unassigned: inPlan.map(([, id]) => ({
      tripRequestId: id,
      reason: "capacity",
      message: "no room",
    })),
    problem: null,
    runs: [],
  };
  const saved = await services.unitOfWork.repositories.plans.save(county.id, plan);
  return { planId: saved.id, trips };
}

/**
 * Brookmere CT (a section 19 permit for disabled people and pupils; a signed 52p-a-mile contract
 * with the county), Fen Riders (no permit), and the county's plan of the day with seven trips.
 */
export async function buildCommissionScene(f: Fixture): Promise<CommissionScene> {
  const group = await buildGroup(f, "Brookmere Community Transport", true);
  const unpermitted = await buildGroup(f, "Fen Riders", false);
  const contracts = f.services.unitOfWork.repositories.contracts;
  const contract = await contracts.create(f.county.id, {
    operatorId: group.id,
    reference: "CT-1",
    title: "Day centre journeys",
    funderIds: [],
    price: { basis: "mileage-rate", pence: 52 },
    vehicleIds: [],
    runs: [],
    startsOn: "2026-09-01",
    endsOn: "2027-08-31",
    breakDates: [],
  });
  await contracts.move(contract.id, { status: "active" });
  const commissioner = await tokenFor(f, f.county.id, "commissioner");
  return { group, unpermitted: { id: unpermitted.id }, commissioner, ...(await buildPlan(f)) };
}
