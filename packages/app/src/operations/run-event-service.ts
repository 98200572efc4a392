import {
  NO_SHOW_REASONS_VERSION,
  type RunEventInput,
  type RunEventUpload,
  runEventUploadSchema,
} from "@tt/domain";
import { type RunScope, runScopeOf, scopeAllows } from "../planning";
import type { Clock, NewRunEvent, StoredPlan, UnitOfWorkOf } from "../ports";
import { type Actor, authorise, parseInput } from "../shared";
import { recordPartnerRead, type SharedAccess } from "../sharing";
import { grantedRunsOf, type WithheldRuns } from "./granted-runs";
import { findOperatingPlan, tripStopsOf } from "./operating-day";

const DAY_MS = 86_400_000;

/** A phone's clock may run this far ahead of the server's, minutes. */
export const CLOCK_AHEAD_MINUTES = 5;

/** What recording events reads and writes. */
export type RunEventUnitOfWork = UnitOfWorkOf<
  "plans" | "crew" | "vehicles" | "runEvents" | "audit" | "grants" | "sharing" | "identity"
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

/**
 * An operating plan the actor may mark: their organisation's (the runs their scope allows), or
 * another's on a vehicle granted to it, under that organisation's agreement for operating runs.
 */
interface MarkablePlan {
  readonly plan: StoredPlan;
  readonly scope: RunScope;
  readonly access?: SharedAccess;
}

/** What the day's events are checked against. */
interface DayCheck {
  readonly plans: readonly MarkablePlan[];
  readonly withheld: readonly WithheldRuns[];
}

const NO_DAY: DayCheck = { plans: [], withheld: [] };

const onRunOf = (plan: StoredPlan, event: RunEventInput) =>
  tripStopsOf(plan, event.vehicleId).some(
    (s) => s.tripRequestId === event.tripRequestId && s.kind === event.stop,
  );

/** The plan the event belongs to, or why it cannot be recorded. */
function targetOf(event: RunEventInput, day: DayCheck, latest: number): MarkablePlan | string {
  const { serviceDate, vehicleId } = event;
  const allowed = day.plans.filter((p) => scopeAllows(p.scope, vehicleId));
  const target = allowed.find((p) => p.plan.runs.some((r) => r.vehicleId === vehicleId));
  const withheld = day.withheld.find((w) => w.vehicleIds.includes(vehicleId));
  if (!target && withheld) {
    return `${withheld.organisationName}'s run on this vehicle cannot be marked: ${withheld.reason}`;
  }
  if (day.plans.length === 0) return `no operating plan is published for ${serviceDate}`;
  if (allowed.length === 0) return `you do not crew vehicle ${vehicleId} on ${serviceDate}`;
  if (!target || !onRunOf(target.plan, event)) {
    return `the trip's ${event.stop} is not on this vehicle's run in the operating plan`;
  }
  if (Date.parse(event.at) > latest) return "the time is ahead of the server's clock";
  // A mark is made on the day of its run (a day's grace either side for clocks and night runs).
  if (Date.parse(event.at) < Date.parse(serviceDate) - DAY_MS) {
    return `the time is before the day of the run (${serviceDate})`;
  }
  return target;
}

/** Events accepted for one organisation's operating plans. */
interface Accepted {
  readonly access?: SharedAccess;
  readonly events: NewRunEvent[];
}

/**
 * Records what drivers and assistants mark at stops. An upload is checked whole for its form (a
 * 422 names each bad field); then each event is recorded, counted as a resend, or refused with
 * its reason, so one stale event never blocks a phone's queue. A mark on another organisation's
 * run (a vehicle granted to it) is recorded in that organisation's events, under its agreement,
 * so its status board shows it. Reasons stay in the events, not in the audit rows.
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
        days.set(date, await this.dayCheck(repos, actor, date));
      }
      const refused: RefusedRunEvent[] = [];
      const byOrganisation = new Map<string, Accepted>();
      upload.events.forEach((event, index) => {
        const target = targetOf(event, days.get(event.serviceDate) ?? NO_DAY, latest);
        if (typeof target === "string") {
          refused.push({ index, id: event.id, message: target });
          return;
        }
        const owner = target.plan.organisationId;
        const accepted = byOrganisation.get(owner) ?? { access: target.access, events: [] };
        accepted.events.push(toNewEvent(event, target.plan.id, actor.userId));
        byOrganisation.set(owner, accepted);
      });
      let recorded = 0;
      let accepted = 0;
      for (const [owner, group] of byOrganisation) {
        recorded += await repos.runEvents.append(owner, group.events);
        accepted += group.events.length;
        if (!group.access) continue;
        await recordPartnerRead(repos, actor, group.access, {
          resource: "run-events",
          action: "create",
          ids: [...new Set(group.events.map((e) => e.tripRequestId))],
        });
      }
      const own = byOrganisation.get(org)?.events ?? [];
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "create",
        resource: "run-events",
        resourceIds: [...new Set(own.map((e) => e.tripRequestId))],
        purpose: actor.purpose ?? "driver's app: marks at stops",
        details: { recorded, duplicates: accepted - recorded, refused: refused.length },
      });
      return { recorded, duplicates: accepted - recorded, refused };
    });
  }

  /** The day's operating plans the actor may mark, own and granted, and the runs withheld. */
  private async dayCheck(
    repos: RunEventUnitOfWork["repositories"],
    actor: Actor,
    date: string,
  ): Promise<DayCheck> {
    const scope = await runScopeOf(repos, actor, date);
    const plan = await findOperatingPlan(repos, actor.organisationId, date);
    const granted = await grantedRunsOf(repos, this.clock, actor, date, scope);
    const plans: MarkablePlan[] = plan ? [{ plan, scope }] : [];
    for (const day of granted.days) {
      const vehicleIds = new Set(day.runs.map((r) => r.vehicleId));
      plans.push({ plan: day.plan, scope: { vehicleIds }, access: day.access });
    }
    return { plans, withheld: granted.withheld };
  }
}

function toNewEvent(event: RunEventInput, planId: string, userId: string): NewRunEvent {
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
