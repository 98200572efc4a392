import type { RunEventsMark, StoredPlan, UnitOfWorkOf } from "../ports";

/** What reading a day's operating plan needs. */
export type OperatingDayRepositories = UnitOfWorkOf<"plans">["repositories"];

/** Plans of a day read per page while looking for the published one. */
const PAGE = 100;

/** The organisation's published plan of the day, if it has one (however many drafts are newer). */
export async function findOperatingPlan(
  repos: OperatingDayRepositories,
  organisationId: string,
  serviceDate: string,
): Promise<StoredPlan | undefined> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await repos.plans.list(organisationId, { offset, limit: PAGE, serviceDate });
    const published = page.items.find((p) => p.status === "published");
    if (published) return repos.plans.find(organisationId, published.id);
    if (page.items.length < PAGE) return undefined;
  }
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
