import {
  NO_SHOW_REASONS_VERSION,
  type RunEventInput,
  type RunEventUpload,
  runEventUploadSchema,
} from "@tt/domain";
import { type RunScope, runScopeOf, scopeAllows } from "../planning";
import type { Clock, NewRunEvent, StoredPlan, UnitOfWorkOf } from "../ports";
import { type Actor, authorise, parseInput } from "../shared";
import { findOperatingPlan, tripStopsOf } from "./operating-day";

const DAY_MS = 86_400_000;

/** A phone's clock may run this far ahead of the server's, minutes. */
export const CLOCK_AHEAD_MINUTES = 5;

/** What recording events reads and writes. */
export type RunEventUnitOfWork = UnitOfWorkOf<
  "plans" | "crew" | "vehicles" | "runEvents" | "audit"
>;

/** An event the server would not record, by its place in the upload. */
export interface RefusedRunEvent {
  readonly index: number;
  readonly id: string;
  readonly message: string;
}

/** The answer to an upload: the phone drops every event it sent, and shows the refused ones. */
export interface RecordedUpload {
  readonly recorded: number;
  /** Events the server already had (sent again): counted once. */
  readonly duplicates: number;
  readonly refused: readonly RefusedRunEvent[];
}

/** What an event is checked against: the day's operating plan and the runs the actor may mark. */
interface DayCheck {
  readonly plan: StoredPlan | undefined;
  readonly scope: RunScope;
}

const NO_DAY: DayCheck = { plan: undefined, scope: { vehicleIds: new Set() } };

/** Why the event cannot be recorded, or undefined when it can. */
function refusal(event: RunEventInput, day: DayCheck, latest: number): string | undefined {
  if (!day.plan) return `no operating plan is published for ${event.serviceDate}`;
  if (!scopeAllows(day.scope, event.vehicleId)) {
    return `you do not crew vehicle ${event.vehicleId} on ${event.serviceDate}`;
  }
  const onRun = tripStopsOf(day.plan, event.vehicleId).some(
    (s) => s.tripRequestId === event.tripRequestId && s.kind === event.stop,
  );
  if (!onRun) return `the trip's ${event.stop} is not on this vehicle's run in the operating plan`;
  if (Date.parse(event.at) > latest) return "the time is ahead of the server's clock";
  // A mark is made on the day of its run (a day's grace either side for clocks and night runs).
  if (Date.parse(event.at) < Date.parse(event.serviceDate) - DAY_MS) {
    return `the time is before the day of the run (${event.serviceDate})`;
  }
  return undefined;
}

/**
 * Records what drivers and assistants mark at stops. An upload is checked whole for its form (a
 * 422 names each bad field); then each event is recorded, counted as a resend, or refused with
 * its reason, so one stale event never blocks a phone's queue. Reasons stay in the events, not in
 * the audit row.
 */
export class RunEventService {
  constructor(
    private readonly unitOfWork: RunEventUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, body: unknown): Promise<RecordedUpload> {
    authorise(actor, "run-events", "write");
    const upload: RunEventUpload = parseInput(runEventUploadSchema, body, "upload of events");
    const latest = this.clock.now().getTime() + CLOCK_AHEAD_MINUTES * 60_000;
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const days = new Map<string, DayCheck>();
      for (const date of new Set(upload.events.map((e) => e.serviceDate))) {
        const plan = await findOperatingPlan(repos, org, date);
        days.set(date, { plan, scope: await runScopeOf(repos, actor, date) });
      }
      const refused: RefusedRunEvent[] = [];
      const accepted: NewRunEvent[] = [];
      upload.events.forEach((event, index) => {
        const day = days.get(event.serviceDate) ?? NO_DAY;
        const why = refusal(event, day, latest);
        if (why) refused.push({ index, id: event.id, message: why });
        else accepted.push(toNewEvent(event, day.plan?.id ?? null, actor.userId));
      });
      const recorded = await repos.runEvents.append(org, accepted);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "create",
        resource: "run-events",
        resourceIds: [...new Set(accepted.map((e) => e.tripRequestId))],
        purpose: actor.purpose ?? "driver's app: marks at stops",
        details: { recorded, duplicates: accepted.length - recorded, refused: refused.length },
      });
      return { recorded, duplicates: accepted.length - recorded, refused };
    });
  }
}

function toNewEvent(event: RunEventInput, planId: string | null, userId: string): NewRunEvent {
  return {
    id: event.id,
    serviceDate: event.serviceDate,
    vehicleId: event.vehicleId,
    tripRequestId: event.tripRequestId,
    stop: event.stop,
    kind: event.kind,
    reason: event.reason,
    reasonsVersion: event.reason ? NO_SHOW_REASONS_VERSION : null,
    at: new Date(event.at).toISOString(),
    planId,
    recordedBy: userId,
  };
}
