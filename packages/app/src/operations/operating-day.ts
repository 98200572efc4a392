import { findPublishedHeader } from "../planning";
import type { RunEventsMark, StoredPlan, UnitOfWorkOf } from "../ports";

/** What reading a day's operating plan needs. */
export type OperatingDayRepositories = UnitOfWorkOf<"plans">["repositories"];

/** The organisation's published plan of the day, if it has one (however many drafts are newer). */
export async function findOperatingPlan(
  repos: OperatingDayRepositories,
  organisationId: string,
  serviceDate: string,
): Promise<StoredPlan | undefined> {
  const published = await findPublishedHeader(repos.plans, organisationId, serviceDate);
  return published && repos.plans.find(organisationId, published.id);
}

/** A run's trip stops in order, without the driver's breaks. */
export function tripStopsOf(plan: StoredPlan, vehicleId: string) {
  const run = plan.runs.find((r) => r.vehicleId === vehicleId);
  return (run?.stops ?? []).flatMap((s) => (s.kind === "break" ? [] : [s]));
}

/**
 * A mark that changes whenever what the day's board shows may have changed: the operating plan
 * (a booking or cancellation revises it), the events and the cancellations.
 */
export function boardMark(planId: string | undefined, events: RunEventsMark, cancelled: number) {
  return [planId ?? "none", events.count, events.latest ?? "", cancelled].join("|");
}

const DAY_MS = 86_400_000;

export { periodSchema } from "../shared";

/** Each day of a period, "YYYY-MM-DD". */
export function* daysFrom(from: string, to: string): Generator<string> {
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}
