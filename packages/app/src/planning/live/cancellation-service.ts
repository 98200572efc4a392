import {
  CANCELLATION_REASONS_VERSION,
  type CancellationInput,
  cancellationInputSchema,
  type TripRequest,
} from "@tt/domain";
import { queueTripNotices } from "../../notifications";
import {
  type Clock,
  type NewPlanRevision,
  type PlanSummary,
  type StoredCancellation,
  type StoredPlan,
  systemClock,
  type UnitOfWorkOf,
} from "../../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../../shared";
import type { RestoredProblems } from "../kept-problem";
import { storedRun } from "../overrides/plan-override-evaluation";
import { publishIn } from "../publication-service";
import { findPublishedHeader } from "../published-plan";
import { authoriseDesk } from "./booking-parts";
import { movedSummary } from "./booking-revision";
import { DayQueue } from "./day-queue";
import { HeldPlans } from "./held-plans";
import { insertionOptions } from "./insertion-options";
import type { LiveProblem } from "./live-problem";
import { type ChangedRuns, type MovedPassenger, rescheduledRuns } from "./relieved-run";
import { scheduledRun } from "./run-problem";
import { timedRun } from "./timed-runs";
import { type ReturnLeg, returnLegOf, travelsOn } from "./trip-days";

/** What cancelling reads and writes. */
export type CancellationUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "tripRequests"
  | "termCalendars"
  | "cancellations"
  | "audit"
  | "sharing"
  | "vehicles"
  | "grants"
  | "contacts"
  | "messages"
>;

/** A trip waiting for a place that now fits the seat a cancellation freed. */
export interface SeatOffer {
  readonly tripRequestId: string;
  readonly vehicle: string;
  readonly pickup: number;
}

export interface Cancelled {
  readonly cancellation: StoredCancellation;
  /** The operating plan's revision without the trip, when the day had one carrying it. */
  readonly plan: { readonly id: string; readonly revision: number } | null;
  /** Unplaced trips of the day that fit the freed seat (offer it to them). */
  readonly offers: readonly SeatOffer[];
  /** The trip's return journey that still travels that day: the desk offers to cancel it too. */
  readonly returnLeg: ReturnLeg | null;
}

/** Unplaced trips checked against a freed seat, at most. */
const OFFERS_CHECKED = 20;

/**
 * Cancels a trip on a day with a reason from the versioned list: a one-off trip is marked
 * cancelled, a recurring one misses that day only (the day's plans leave it out). When the day's
 * operating plan carries the trip, its stops come out of their run in a new revision, published
 * in its place, and the trips of the day still without a place that fit the freed seat are
 * named. One transaction, audited.
 */
export class CancellationService {
  constructor(
    private readonly unitOfWork: CancellationUnitOfWork,
    private readonly problems: RestoredProblems,
    private readonly clock: Clock = systemClock,
    /** Shared with the booking desk: one change to a day at a time in this process. */
    private readonly queue: DayQueue = new DayQueue(),
    /** Shared with the booking desk: the days' latest revisions, held. */
    private readonly held: HeldPlans = new HeldPlans(),
  ) {}

  async cancel(actor: Actor, tripRequestId: string, body: unknown): Promise<Cancelled> {
    // A cancellation revises the day's operating plan, and names trips that fit the freed seat.
    authoriseDesk(actor);
    const input = parseInput(cancellationInputSchema, body, "cancellation");
    return this.queue.change(actor.organisationId, input.date, () =>
      this.cancelOnce(actor, tripRequestId, input),
    );
  }

  /** Cancellations from `from` to `to`, counted by reason. */
  async summary(actor: Actor, from: string, to: string) {
    authorise(actor, "trip-requests", "read");
    const byReason = await this.unitOfWork.repositories.cancellations.countByReason(
      actor.organisationId,
      from,
      to,
    );
    return { from, to, byReason, reasonsVersion: CANCELLATION_REASONS_VERSION };
  }

  private async cancelOnce(
    actor: Actor,
    tripRequestId: string,
    input: CancellationInput,
  ): Promise<Cancelled> {
    const org = actor.organisationId;
    const repos = this.unitOfWork.repositories;
    const trip = await repos.tripRequests.find(org, tripRequestId);
    if (!trip) throw notFound("trip request", tripRequestId);
    await this.mustTravel(org, trip, input.date);
    const live = await this.livePlan(org, input.date, tripRequestId);
    const revision = live && withoutTrip(live.plan, live.problem, tripRequestId);
    const saved = await this.unitOfWork.transaction(async (tx) => {
      if (trip.recurrence.kind === "one-off") {
        // Read again in the transaction: an edit made meanwhile is kept, only the status changes.
        const now = await tx.tripRequests.find(org, trip.id);
        if (!now) throw notFound("trip request", trip.id);
        const { id, organisationId: _o, createdAt: _c, updatedAt: _u, ...fields } = now;
        await tx.tripRequests.update(org, id, { ...fields, status: "cancelled" });
      }
      const stored =
        live && revision
          ? await tx.plans.saveRevision(org, live.plan.id, {
              ...revision,
              additions: { requests: [], locations: [], points: [], withdrawn: [tripRequestId] },
            })
          : undefined;
      if (stored && live?.plan.status === "published") {
        await publishIn(tx, this.clock, actor, stored, {
          previous: live.plan,
          cancelled: [tripRequestId],
        });
      }
      const cancellation = await tx.cancellations.create(org, {
        tripRequestId,
        serviceDate: input.date,
        reason: input.reason,
        reasonsVersion: CANCELLATION_REASONS_VERSION,
        cancelledBy: actor.userId,
        planId: stored?.id ?? null,
      });
      if (!stored) {
        // No operating plan carried it: the passenger still hears that the trip is off.
        const change = { tripRequestId, kind: "trip-cancelled" as const };
        await queueTripNotices(tx, this.clock, org, input.date, [change]);
      }
      await tx.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "update",
        resource: "trip-requests",
        resourceIds: [tripRequestId, trip.passengerId, ...(stored ? [stored.id] : [])],
        purpose: actor.purpose ?? "booking desk: trip cancelled for the day",
        // The reason (which can say the passenger is unwell) stays in the cancellation itself.
        details: {
          date: input.date,
          cancellation: cancellation.id,
          plan: stored?.id ?? null,
          vehicle: revision?.freed ?? null,
          moved: revision?.moved ?? null,
        },
      });
      return { cancellation, stored };
    });
    const returnLeg = await returnLegOf(this.unitOfWork.repositories, org, trip, input.date);
    if (!saved.stored || !live || !revision) {
      return { cancellation: saved.cancellation, plan: null, offers: [], returnLeg };
    }
    const after = live.problem.without([tripRequestId]);
    this.problems.hold(org, saved.stored.id, after);
    this.held.hold(org, saved.stored);
    const offers = seatOffers(after, saved.stored, revision.freed);
    const plan = { id: saved.stored.id, revision: saved.stored.revision };
    return { cancellation: saved.cancellation, plan, offers, returnLeg };
  }

  /** Refuses a day the trip does not travel on (outside its dates, weekdays or terms). */
  private async mustTravel(org: string, trip: TripRequest, date: string): Promise<void> {
    if (!(await travelsOn(this.unitOfWork.repositories, org, trip, date))) {
      throw new AppError(
        "validation-failed",
        `Trip ${trip.reference} does not travel on ${date}.`,
        [{ path: "date", message: "not a day this trip travels" }],
      );
    }
  }

  /** The day's published plan and its live Problem, when it holds the trip. */
  private async livePlan(org: string, date: string, tripRequestId: string) {
    const plans = this.unitOfWork.repositories.plans;
    const header = await findPublishedHeader(plans, org, date);
    if (!header) return undefined;
    const found = await this.held.read(org, header.id, () => plans.find(org, header.id));
    // The held plan keeps the status it was read or saved with: the day's list says now.
    const plan = found && { ...found, status: header.status };
    if (!plan || !carries(plan, tripRequestId)) return undefined;
    const problem = await this.problems.get(org, header.id, () =>
      plans.findProblemChain(org, header.id),
    );
    if (!problem?.request(tripRequestId)) {
      throw new AppError(
        "conflict",
        `The operating plan of ${date} carries the trip but was stored without its Problem (plans made before every Problem was kept), so the trip cannot be taken out of it: plan the day again and publish it, then cancel.`,
        [{ path: "date", message: "the operating plan cannot be changed" }],
      );
    }
    return { plan, problem };
  }
}

/** The plan holds the trip: in a run, or among those it could not place. */
function carries(plan: StoredPlan, tripRequestId: string): boolean {
  const inRun = plan.runs.some((r) =>
    r.stops.some((s) => s.kind !== "break" && s.tripRequestId === tripRequestId),
  );
  return inRun || plan.unassigned.some((u) => u.tripRequestId === tripRequestId);
}

type CancellationRevision = Omit<NewPlanRevision, "additions"> & {
  /** The vehicle whose run lost the trip, if it had one. */
  readonly freed: string | undefined;
  /** A passenger moved to another run so that the freed one keeps every rule, and where. */
  readonly moved?: MovedPassenger;
};

/** The plan without the trip: out of its run (rescheduled) or out of the unplaced list. */
function withoutTrip(
  plan: StoredPlan,
  live: LiveProblem,
  tripRequestId: string,
): CancellationRevision {
  const after = live.without([tripRequestId]);
  const run = plan.runs.find((r) =>
    r.stops.some((s) => s.kind !== "break" && s.tripRequestId === tripRequestId),
  );
  const vehicle = run && live.base.vehicles.find((v) => v.id === run.vehicleId);
  if (run && !vehicle) {
    throw new AppError(
      "conflict",
      `The run of vehicle ${run.vehicleId} is not in the plan's Problem, so the trip cannot be taken out of it.`,
    );
  }
  const stops = run ? timedRun(run).stops : [];
  const before = vehicle ? scheduledRun(live, vehicle, stops) : undefined;
  const changed = vehicle ? rescheduledRuns(plan, after, vehicle, stops) : undefined;
  const byVehicle: ChangedRuns = changed?.runs ?? new Map();
  const runs = plan.runs.flatMap((r) => {
    const change = byVehicle.get(r.vehicleId);
    if (!change) return [r];
    return change.after ? [storedRun(change.after)] : [];
  });
  for (const [id, change] of byVehicle) {
    if (change.after && !plan.runs.some((r) => r.vehicleId === id))
      runs.push(storedRun(change.after));
  }
  const unplaced = plan.unassigned.find((u) => u.tripRequestId === tripRequestId);
  const unassigned = plan.unassigned.filter((u) => u !== unplaced);
  const counts = { requests: -1, assigned: run ? -1 : 0, unassigned: unplaced ? -1 : 0 };
  const none = { requests: 0, assigned: 0, unassigned: 0 };
  let moved = movedSummary(
    plan.summary,
    before,
    vehicle && byVehicle.get(vehicle.id)?.after,
    counts,
  );
  for (const [id, change] of byVehicle) {
    if (id !== vehicle?.id) moved = movedSummary(moved, change.before, change.after, none);
  }
  const summary = unplaced
    ? { ...moved, unassignedByReason: lessOne(moved, unplaced.reason) }
    : moved;
  return {
    name: plan.name,
    serviceDate: plan.serviceDate,
    status: "draft",
    summary,
    unassigned,
    runs,
    freed: run?.vehicleId,
    ...(changed?.moved ? { moved: changed.moved } : {}),
  };
}

/** The unplaced counts with one fewer of the reason (as the summary counts it: `no-room`). */
function lessOne(summary: PlanSummary, reason: string): Record<string, number> {
  const counts = { ...summary.unassignedByReason };
  const key = counts[reason] !== undefined ? reason : "no-room";
  const left = (counts[key] ?? 0) - 1;
  if (left > 0) counts[key] = left;
  else delete counts[key];
  return counts;
}

/** The day's unplaced trips (the first `OFFERS_CHECKED`) that now fit the freed vehicle. */
function seatOffers(live: LiveProblem, plan: StoredPlan, freed: string | undefined): SeatOffer[] {
  if (!freed) return [];
  const runs = { runs: plan.runs.map(timedRun) };
  return plan.unassigned.slice(0, OFFERS_CHECKED).flatMap((u) => {
    const request = live.request(u.tripRequestId);
    if (!request) return [];
    const [option] = insertionOptions(live, runs, request, { only: freed, max: 1 }).options;
    return option
      ? [{ tripRequestId: u.tripRequestId, vehicle: freed, pickup: option.pickup }]
      : [];
  });
}
