import { composeMessage, type PickupChange, type PickupTimes, pickupChanges } from "@tt/domain";
import { londonDate } from "../entitlement";
import type { Clock, NewMessage, Repositories, StoredPlan } from "../ports";

type NoticeRepositories = Pick<Repositories, "contacts" | "messages">;

/** True while the day is today or later by British clocks: a day gone by gets no messages. */
export function noticesDue(clock: Clock, serviceDate: string): boolean {
  return serviceDate >= londonDate(clock.now());
}

/** Each trip's planned pick-up in the plan: minutes after midnight. */
export function pickupTimesOf(plan: Pick<StoredPlan, "runs">): Map<string, number> {
  const times = new Map<string, number>();
  for (const run of plan.runs) {
    for (const stop of run.stops) {
      if (stop.kind === "pickup") times.set(stop.tripRequestId, stop.start);
    }
  }
  return times;
}

/**
 * Inside the caller's transaction: queues a message to each contact of each passenger these
 * changes concern (held back, and recorded as such, for a contact that opted out). Nothing for a
 * day already past by British clocks, nor for passengers without contacts. Answers how many.
 */
export async function queueTripNotices(
  repos: NoticeRepositories,
  clock: Clock,
  organisationId: string,
  serviceDate: string,
  changes: readonly PickupChange[],
): Promise<number> {
  if (changes.length === 0 || !noticesDue(clock, serviceDate)) return 0;
  const reached = await repos.contacts.listForTrips(
    organisationId,
    changes.map((c) => c.tripRequestId),
  );
  const byTrip = new Map(reached.map((r) => [r.tripRequestId, r]));
  const messages: NewMessage[] = [];
  for (const change of changes) {
    const trip = byTrip.get(change.tripRequestId);
    if (!trip) continue;
    const notice = { ...change, ...trip, serviceDate };
    for (const contact of trip.contacts) {
      messages.push({
        contactId: contact.id,
        passengerId: trip.passengerId,
        tripRequestId: trip.tripRequestId,
        serviceDate,
        kind: change.kind,
        channel: contact.channel,
        ...composeMessage(notice, contact.channel),
        status: contact.optedOutAt ? "opted-out" : "queued",
      });
    }
  }
  return repos.messages.enqueue(organisationId, messages);
}

/**
 * Inside the caller's transaction: the messages a newly published plan calls for, against the
 * plan it replaces (`before`; none at the day's first publication, when every trip gets its
 * time), with the trips cancelled by this change.
 */
export function queuePlanNotices(
  repos: NoticeRepositories,
  clock: Clock,
  organisationId: string,
  plan: Pick<StoredPlan, "runs" | "serviceDate">,
  before: PickupTimes | undefined,
  cancelled: readonly string[] = [],
): Promise<number> {
  if (!noticesDue(clock, plan.serviceDate)) return Promise.resolve(0);
  const changes = pickupChanges(before, pickupTimesOf(plan), new Set(cancelled));
  return queueTripNotices(repos, clock, organisationId, plan.serviceDate, changes);
}
