import { addDays, type BookingInput, occursOn, type TripRequest } from "@tt/domain";
import type { Clock } from "../../ports";
import { type Actor, AppError } from "../../shared";
import type { RestoredProblems } from "../kept-problem";
import { publishIn } from "../publication-service";
import { findPublishedHeader } from "../published-plan";
import { PROVISIONAL } from "./booking-parts";
import { refuseTwice } from "./booking-reads";
import { bookingRevision } from "./booking-revision";
import type { BookingUnitOfWork, Prepared } from "./booking-service";
import type { DayQueue } from "./day-queue";
import { insertionOptions } from "./insertion-options";
import { timedRuns } from "./timed-runs";

/** A later day of a repeating booking that already had an operating plan: placed, or why not. */
export interface LaterDay {
  readonly date: string;
  readonly planId: string | null;
  readonly revision: number | null;
  readonly vehicle: string | null;
  /** Why the trip is not in that day's plan (it stays in the register for the day's next plan). */
  readonly reason: string | null;
}

export interface LaterDayDeps {
  readonly unitOfWork: BookingUnitOfWork;
  readonly problems: RestoredProblems;
  readonly queue: DayQueue;
  readonly clock: Clock;
  /** The booking on another day, read and checked as the desk reads it. */
  readonly prepare: (actor: Actor, body: unknown) => Promise<Prepared>;
}

/** The repeat's days after the first, inside its term calendar's terms when it names one. */
async function repeatDays(
  deps: LaterDayDeps,
  org: string,
  booking: BookingInput,
  trip: TripRequest,
): Promise<string[]> {
  const repeat = booking.repeat;
  if (!repeat) return [];
  const calendar = repeat.termCalendarId
    ? await deps.unitOfWork.repositories.termCalendars.find(org, repeat.termCalendarId)
    : undefined;
  const days: string[] = [];
  for (let day = addDays(booking.date, 1); day <= repeat.until; day = addDays(day, 1)) {
    if (occursOn(trip.recurrence, day, calendar?.periods)) days.push(day);
  }
  return days;
}

/**
 * A repeating trip, booked on its first day, goes into each later day's operating plan already
 * published: on the first day's vehicle where it fits (the same vehicle every day), else the
 * cheapest that takes it, as that plan's next revision. A day where no vehicle takes it says why;
 * the trip stays in the register, so the day's next plan takes it. Days without a published plan
 * are left to their plans.
 */
export async function placeLaterDays(
  deps: LaterDayDeps,
  actor: Actor,
  booking: BookingInput,
  trip: TripRequest,
  vehicle: string,
): Promise<LaterDay[]> {
  const org = actor.organisationId;
  const placed: LaterDay[] = [];
  // The first day is booked: nothing here may undo it or turn it into an error.
  const days = await repeatDays(deps, org, booking, trip).catch(() => []);
  for (const date of days) {
    const { repeat: _repeat, ...oneDay } = booking;
    const day = await deps.queue
      .change(org, date, () => placeOn(deps, actor, { ...oneDay, date }, trip, vehicle))
      .catch((error: unknown) => notPlaced(date, reasonOf(error)));
    if (day) placed.push(day);
  }
  return placed;
}

const notPlaced = (date: string, reason: string): LaterDay => ({
  date,
  planId: null,
  revision: null,
  vehicle: null,
  reason,
});

/** The desk's own refusals say what to do; anything else is not for the agent's screen. */
const reasonOf = (error: unknown) =>
  error instanceof AppError ? error.message : "it could not be placed: book that day on its own";

/** The trip on one later day, when that day has a published plan (undefined when it has none). */
async function placeOn(
  deps: LaterDayDeps,
  actor: Actor,
  day: BookingInput,
  trip: TripRequest,
  vehicle: string,
): Promise<LaterDay | undefined> {
  const org = actor.organisationId;
  const repos = deps.unitOfWork.repositories;
  if (!(await findPublishedHeader(repos.plans, org, day.date))) return undefined;
  // The passenger may already travel that day, or their decision may not hold on it.
  await refuseTwice(repos, org, day, trip.id);
  const { plan, live, request, added, entitlement } = await deps.prepare(actor, day);
  if (!entitlement.ok) return notPlaced(day.date, entitlement.message);
  const runs = timedRuns(plan);
  const same = insertionOptions(live, runs, request, { only: vehicle, max: 1 });
  const found = same.options[0] ? same : insertionOptions(live, runs, request, { max: 1 });
  const option = found.options[0];
  if (!option) {
    const why = found.refusals[0];
    const reason = why
      ? `no vehicle can take it (${why.reason}, ${why.vehicles} vehicles)`
      : "no vehicle can take it";
    return { date: day.date, planId: plan.id, revision: plan.revision, vehicle: null, reason };
  }
  const booked = { ...request, id: trip.id };
  const stored = await deps.unitOfWork.transaction(async (repos) => {
    const revision = bookingRevision(plan, option, PROVISIONAL, trip.id);
    const saved = await repos.plans.saveRevision(org, plan.id, {
      ...revision,
      additions: { requests: [booked], ...added },
    });
    await publishIn(repos, deps.clock, actor, saved, { previous: plan });
    await repos.audit.append({
      organisationId: org,
      userId: actor.userId,
      action: "update",
      resource: "trip-requests",
      resourceIds: [trip.id, saved.id],
      purpose: actor.purpose ?? "booking desk: a repeating trip into a later day's operating plan",
      details: {
        plan: saved.id,
        revisedFrom: plan.id,
        revision: saved.revision,
        vehicle: option.vehicle,
      },
    });
    return saved;
  });
  deps.problems.hold(org, stored.id, live.withRequests([booked]));
  return {
    date: day.date,
    planId: stored.id,
    revision: stored.revision,
    vehicle: option.vehicle,
    reason: null,
  };
}
