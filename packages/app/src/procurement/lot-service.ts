import {
  buildLots,
  daysPerYear,
  LOT_RULES,
  type Lot,
  type LotRule,
  type LotRunInput,
  type TripRequest,
} from "@tt/domain";
import { z } from "zod";
import { findFleetVehicles } from "../planning";
import type { PlanRun, StoredPlan, UnitOfWorkOf } from "../ports";
import { type Actor, authorise, notFound, parseInput } from "../shared";
import { areaLotInputs, withPoints } from "./area-lots";

/** What proposing lots reads. */
export type LotUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "tripRequests"
  | "termCalendars"
  | "places"
  | "vehicles"
  | "grants"
  // Rule `area`: consortia's delegated areas, and where the runs' stops are.
  | "delegations"
  | "identity"
  | "passengers"
  | "audit"
>;
type Repos = LotUnitOfWork["repositories"];

/** Purposes whose place end is a school. */
const SCHOOL_PURPOSES = new Set(["school", "send-school", "post-16"]);

const ruleSchema = z.enum(LOT_RULES);

export interface ProposedLots {
  readonly planId: string;
  readonly serviceDate: string;
  readonly rule: LotRule;
  readonly lots: readonly Lot[];
}

/**
 * Lots proposed from a plan's runs (`buildLots`): by school, by the vehicle needed, or joined into
 * whole days; each with its runs, days a year (its trips' days in the 365 from the plan's date,
 * their weekdays and terms counted), estimated cost and the vehicle it needs. Nothing about a
 * passenger leaves: runs show vehicles, times, trip counts and costs; schools by name. For those
 * who read both plans and contracts (commissioners, administrators, finance officers).
 */
export class LotService {
  constructor(private readonly unitOfWork: LotUnitOfWork) {}

  async propose(actor: Actor, planId: string, rule: unknown): Promise<ProposedLots> {
    authorise(actor, "plans", "read");
    authorise(actor, "contracts", "read");
    const chosen = parseInput(ruleSchema, rule, "lot rule");
    const repos = this.unitOfWork.repositories;
    const org = actor.organisationId;
    const plan = await repos.plans.find(org, planId);
    if (!plan) throw notFound("plan", planId);
    return {
      planId: plan.id,
      serviceDate: plan.serviceDate,
      rule: chosen,
      lots: await lotsOf(repos, org, plan, chosen, actor),
    };
  }
}

/** The plan's runs packaged into lots by `rule`. */
export async function lotsOf(
  repos: Repos,
  org: string,
  plan: Pick<StoredPlan, "runs" | "serviceDate">,
  rule: LotRule,
  actor: Actor,
): Promise<Lot[]> {
  const runs = await lotRuns(repos, org, plan.runs, plan.serviceDate);
  if (rule === "area") {
    const areas = await areaLotInputs(repos, actor, plan);
    return buildLots(rule, withPoints(runs, areas.points), new Map(), areas.areas);
  }
  const schools = await repos.places.findByIds(org, [
    ...new Set(runs.flatMap((r) => r.trips.flatMap((t) => (t.school ? [t.school] : [])))),
  ]);
  const names = new Map(schools.map((p) => [p.id, p.name]));
  return buildLots(rule, runs, names);
}

/** The plan's runs as lots read them: vehicles, times, peak loads, costs, trips' schools and days. */
async function lotRuns(
  repos: Repos,
  org: string,
  runs: readonly PlanRun[],
  serviceDate: string,
): Promise<LotRunInput[]> {
  const tripIds = [
    ...new Set(
      runs.flatMap((r) => r.stops.flatMap((s) => (s.kind === "pickup" ? [s.tripRequestId] : []))),
    ),
  ];
  const trips = new Map((await repos.tripRequests.findByIds(org, tripIds)).map((t) => [t.id, t]));
  const schools = await schoolPlaces(repos, org, [...trips.values()]);
  const days = await tripDays(repos, org, [...trips.values()], serviceDate);
  const vehicles = await findFleetVehicles(
    repos,
    org,
    runs.map((r) => r.vehicleId),
  );
  return runs.flatMap((run) => {
    const pickups = run.stops.flatMap((s) => (s.kind === "pickup" ? [s.tripRequestId] : []));
    if (run.stops.length === 0 || pickups.length === 0) return [];
    const vehicle = vehicles.get(run.vehicleId);
    const loads = run.stops.map((s) => s.load);
    return [
      {
        vehicleId: run.vehicleId,
        vehicleReference: vehicle?.reference ?? run.vehicleId,
        vehicleKind: vehicle?.kind ?? "vehicle",
        start: run.stops[0]?.start ?? 0,
        end: run.stops[run.stops.length - 1]?.departure ?? 0,
        seats: Math.max(0, ...loads.map((l) => l[0] ?? 0)),
        wheelchairs: Math.max(0, ...loads.map((l) => l[1] ?? 0)),
        costPence: Math.round(run.costPence),
        trips: pickups.map((id) => {
          const trip = trips.get(id);
          const school = trip ? schoolOf(trip, schools) : undefined;
          return { ...(school ? { school } : {}), daysPerYear: days.get(id) ?? 0 };
        }),
      },
    ];
  });
}

/** The school a school trip goes to or comes from: its end at a place of kind school. */
function schoolOf(trip: TripRequest, schools: ReadonlySet<string>): string | undefined {
  if (!SCHOOL_PURPOSES.has(trip.purpose)) return undefined;
  return placeEnds(trip).find((id) => schools.has(id));
}

const placeEnds = (trip: TripRequest) =>
  [trip.destination, trip.origin].flatMap((end) => (end.kind === "place" ? [end.placeId] : []));

/** The places the trips' ends name that are schools (a stop where pupils get off is not). */
async function schoolPlaces(
  repos: Repos,
  org: string,
  trips: readonly TripRequest[],
): Promise<Set<string>> {
  const ids = [...new Set(trips.filter((t) => SCHOOL_PURPOSES.has(t.purpose)).flatMap(placeEnds))];
  const places = await repos.places.findByIds(org, ids);
  return new Set(places.filter((p) => p.kind === "school").map((p) => p.id));
}

/** Each trip's days a year, counted once for each recurrence and term calendar. */
async function tripDays(
  repos: Repos,
  org: string,
  trips: readonly TripRequest[],
  from: string,
): Promise<Map<string, number>> {
  const calendarIds = [
    ...new Set(
      trips.flatMap((t) =>
        t.recurrence.kind === "recurring" && t.recurrence.termCalendarId
          ? [t.recurrence.termCalendarId]
          : [],
      ),
    ),
  ];
  const calendars = new Map(
    (await repos.termCalendars.findByIds(org, calendarIds)).map((c) => [c.id, c.periods]),
  );
  const counted = new Map<string, number>();
  const out = new Map<string, number>();
  for (const trip of trips) {
    const r = trip.recurrence;
    const terms =
      r.kind === "recurring" && r.termCalendarId ? calendars.get(r.termCalendarId) : undefined;
    const key = JSON.stringify([r, r.kind === "recurring" ? (r.termCalendarId ?? null) : null]);
    let days = counted.get(key);
    if (days === undefined) {
      days = daysPerYear(r, from, terms);
      counted.set(key, days);
    }
    out.set(trip.id, days);
  }
  return out;
}
