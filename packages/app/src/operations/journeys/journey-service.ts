import { foldRunEvents } from "@tt/domain";
import { stringify } from "csv-stringify/sync";
import { findEach, findFleetVehicles, runScopeOf, scopePlan } from "../../planning";
import type { StoredCancellation, UnitOfWorkOf } from "../../ports";
import { neutraliseFormula } from "../../register";
import { type Actor, authorise, parseInput } from "../../shared";
import { daysFrom, findOperatingPlan, periodSchema } from "../operating-day";
import { type CompletedJourney, completedJourneys, type JourneyDay } from "./completed-journeys";
import { type FiguresReport, journeyFigures } from "./journey-figures";

/** The longest period one report covers: a month of operating days. */
export const MAX_JOURNEY_DAYS = 31;
/** Journeys listed in the JSON answer; the CSV export has them all. */
export const JOURNEYS_LISTED = 500;

export const journeyQuerySchema = periodSchema(MAX_JOURNEY_DAYS);

export type JourneyUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "crew"
  | "vehicles"
  | "grants"
  | "operators"
  | "funders"
  | "tripRequests"
  | "runEvents"
  | "cancellations"
>;

/** The figures of a period, with its first journeys. */
export interface JourneyReport extends FiguresReport {
  readonly journeys: readonly CompletedJourney[];
  readonly journeysListed: number;
  readonly journeysTotal: number;
}

const CSV_COLUMNS: readonly (keyof CompletedJourney)[] = [
  "date",
  "tripReference",
  "service",
  "operator",
  "vehicleReference",
  "plannedPickup",
  "actualPickup",
  "minutesLate",
  "plannedDropoff",
  "actualDropoff",
  "rideMinutes",
  "maxRideMinutes",
  "outcome",
  "reason",
];

/**
 * Completed journeys and their figures: each planned journey of the period's operating plans with
 * the times marked on the road, and the trips cancelled. No passenger is named: trips by
 * reference. A driver or fleet manager gets their own runs only, without cancellations.
 */
export class JourneyService {
  constructor(private readonly unitOfWork: JourneyUnitOfWork) {}

  async report(actor: Actor, query: unknown): Promise<JourneyReport> {
    const { from, to, journeys } = await this.read(actor, query);
    return {
      ...journeyFigures(from, to, journeys),
      journeys: journeys.slice(0, JOURNEYS_LISTED),
      journeysListed: Math.min(JOURNEYS_LISTED, journeys.length),
      journeysTotal: journeys.length,
    };
  }

  /** Every journey of the period as CSV, one row each (formulas neutralised). */
  async csv(actor: Actor, query: unknown): Promise<string> {
    const { journeys } = await this.read(actor, query);
    const rows = journeys.map((j) =>
      CSV_COLUMNS.map((c) => {
        const value = j[c];
        return value === null ? "" : neutraliseFormula(String(value));
      }),
    );
    return stringify([[...CSV_COLUMNS], ...rows]);
  }

  private async read(actor: Actor, query: unknown) {
    authorise(actor, "run-events", "read");
    authorise(actor, "plans", "read");
    const { from, to } = parseInput(journeyQuerySchema, query, "period");
    const journeys = await this.unitOfWork.transaction(
      async (repos) => {
        const org = actor.organisationId;
        const days: JourneyDay[] = [];
        const cancelled = await repos.cancellations.list(org, from, to, 100_000);
        for (const date of daysFrom(from, to)) {
          const scope = await runScopeOf(repos, actor, date);
          const found = await findOperatingPlan(repos, org, date);
          const plan = found && scopePlan(found, scope);
          const events = plan ? await repos.runEvents.listForDay(org, date) : [];
          const cancellations: StoredCancellation[] =
            "every" in scope ? cancelled.filter((c) => c.serviceDate === date) : [];
          days.push({ date, plan, progress: foldRunEvents(events), cancellations });
        }
        const tripIds = days.flatMap((d) => [
          ...(d.plan?.runs ?? []).flatMap((r) =>
            r.stops.flatMap((s) => (s.kind === "pickup" ? [s.tripRequestId] : [])),
          ),
          ...d.cancellations.map((c) => c.tripRequestId),
        ]);
        const trips = await findEach(repos.tripRequests, org, tripIds);
        const vehicleIds = days.flatMap((d) => (d.plan?.runs ?? []).map((r) => r.vehicleId));
        const vehicles = await findFleetVehicles(repos, org, vehicleIds);
        const operators = await findEach(
          repos.operators,
          org,
          [...vehicles.values()].flatMap((v) => (v.operatorId ? [v.operatorId] : [])),
        );
        const funders = await findEach(
          repos.funders,
          org,
          [...trips.values()].map((t) => t.funderId),
        );
        return completedJourneys(days, {
          trips,
          vehicles,
          operators: new Map([...operators].map(([id, o]) => [id, o.name])),
          funderKinds: new Map([...funders].map(([id, f]) => [id, f.kind])),
        });
      },
      { snapshot: true },
    );
    return { from, to, journeys };
  }
}
