import type { TripRequest, Vehicle } from "@tt/domain";
import type { PlanRun, StoredPlan } from "../ports";

/** One of the member's trips in a partnership's plan: on which vehicle, when, at what cost. */
export interface MemberPlanTrip {
  readonly tripRequestId: string;
  /** The member's own reference for the trip; null for roles that may not read passengers. */
  readonly reference: string | null;
  readonly vehicleReference: string | null;
  /** Minutes after midnight: when the pick-up starts and the drop-off ends. */
  readonly pickup: number;
  readonly dropoff: number;
  /** The trip's part of its run's cost, pounds (`tripCostShares`). */
  readonly cost: number;
}

/** What a member sees of one of its partnerships' plans: its own trips and their cost only. */
export interface MemberPlanView {
  readonly planId: string;
  readonly partnership: string;
  readonly serviceDate: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly trips: readonly MemberPlanTrip[];
  readonly unassigned: readonly {
    readonly tripRequestId: string;
    readonly reference: string | null;
    readonly reason: string;
  }[];
  /** The member's part of the plan's cost, pounds: the sum of its trips' parts. */
  readonly cost: number;
  /** The plan's cost for every member, pounds, and how many trips it carries in all. */
  readonly planCost: number;
  readonly planTrips: number;
}

interface TripOnRun {
  readonly tripRequestId: string;
  readonly pickup: number;
  readonly dropoff: number;
}

/** Each trip a run carries, with when it is picked up and dropped off. */
function tripsOnRun(run: PlanRun): TripOnRun[] {
  const pickups = new Map<string, number>();
  const out: TripOnRun[] = [];
  for (const stop of run.stops) {
    if (stop.kind === "pickup") pickups.set(stop.tripRequestId, stop.departure);
    if (stop.kind !== "dropoff") continue;
    const pickup = pickups.get(stop.tripRequestId);
    if (pickup !== undefined)
      out.push({ tripRequestId: stop.tripRequestId, pickup, dropoff: stop.start });
  }
  return out;
}

/**
 * A run's cost split among the trips it carries in proportion to their minutes on board (at
 * least one each): a trip that rides longer holds the vehicle longer. Pence, whole, summing to
 * the run's cost (the remainder goes to the longest rides first).
 */
export function tripCostShares(run: PlanRun): Map<string, number> {
  const trips = tripsOnRun(run);
  const minutes = trips.map((t) => Math.max(1, t.dropoff - t.pickup));
  const total = minutes.reduce((a, b) => a + b, 0);
  const shares = minutes.map((m) => Math.floor((run.costPence * m) / total));
  let rest = run.costPence - shares.reduce((a, b) => a + b, 0);
  const longest = minutes.map((m, i) => [m, i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of longest) {
    if (rest <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    rest -= 1;
  }
  return new Map(trips.map((t, i) => [t.tripRequestId, shares[i] ?? 0]));
}

const pounds = (pence: number) => Math.round(pence) / 100;

/**
 * The member's view of a partnership's plan: the trips of its own (`own`, by id) with their
 * vehicle, times and cost share, and its trips the plan left unserved. Other members' trips are
 * counted, never listed. References only `withReferences`.
 */
export function memberPlanView(
  plan: StoredPlan,
  partnership: string,
  sources: {
    own: ReadonlyMap<string, TripRequest>;
    vehicles: ReadonlyMap<string, Vehicle>;
    withReferences: boolean;
  },
): MemberPlanView {
  const referenceOf = (id: string) =>
    sources.withReferences ? (sources.own.get(id)?.reference ?? null) : null;
  const trips: MemberPlanTrip[] = [];
  let planTrips = 0;
  for (const run of plan.runs) {
    const shares = tripCostShares(run);
    for (const trip of tripsOnRun(run)) {
      planTrips += 1;
      if (!sources.own.has(trip.tripRequestId)) continue;
      trips.push({
        ...trip,
        reference: referenceOf(trip.tripRequestId),
        vehicleReference: sources.vehicles.get(run.vehicleId)?.reference ?? null,
        cost: pounds(shares.get(trip.tripRequestId) ?? 0),
      });
    }
  }
  const unassigned = plan.unassigned
    .filter((u) => sources.own.has(u.tripRequestId))
    .map((u) => ({
      tripRequestId: u.tripRequestId,
      reference: referenceOf(u.tripRequestId),
      reason: u.reason,
    }));
  const pence = plan.runs.reduce((sum, run) => sum + run.costPence, 0);
  return {
    planId: plan.id,
    partnership,
    serviceDate: plan.serviceDate,
    revision: plan.revision,
    createdAt: plan.createdAt,
    trips: trips.sort((a, b) => a.pickup - b.pickup),
    unassigned,
    cost: pounds(trips.reduce((sum, t) => sum + Math.round(t.cost * 100), 0)),
    planCost: pounds(pence),
    planTrips,
  };
}
