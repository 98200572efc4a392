import type { AuditEntry, PlanHeader, PlanRun, UnitOfWorkOf } from "../../ports";
import { type Actor, authorise, notFound } from "../../shared";

/** What the history reads: plans, and the audit rows that say who changed them and why. */
export type RevisionHistoryUnitOfWork = UnitOfWorkOf<
  "plans" | "audit" | "identity" | "cancellations"
>;

/** How a revision came about. */
export type RevisionKind = "planned" | "override" | "booking" | "cancellation" | "hand-back";

/** What a contract's hand-back changed in the plan, as the buyer's log keeps it. */
export interface HandBackChange {
  /** The contract's reference. */
  readonly contract: string;
  /** Trips moved to other runs, by reference, with their pick-ups before and after (minutes). */
  readonly moved: readonly {
    readonly reference: string;
    readonly fromVehicle: string;
    readonly toVehicle: string;
    readonly pickupBefore: number;
    readonly pickupAfter: number;
  }[];
  /** Trips no other run could take, by reference, with the reason. */
  readonly unassigned: readonly {
    readonly reference: string;
    readonly reason: string;
    readonly message: string;
  }[];
  /** The plan's runs' cost before and after, pence. */
  readonly costBeforePence: number;
  readonly costAfterPence: number;
}

/** One revision of a day's plan: when, by whom, what kind of change, why, and which runs. */
export interface PlanRevisionEntry {
  readonly id: string;
  readonly revision: number;
  readonly status: string;
  readonly createdAt: string;
  readonly kind: RevisionKind;
  /** Who made the change (their display name), when the log says. */
  readonly by: string | null;
  /** The planner's reason, the cancellation's reason code, or the hand-back's reason. */
  readonly why: string | null;
  /** The trip booked or cancelled. */
  readonly tripRequestId: string | null;
  /** Vehicles whose runs the change touched. */
  readonly vehicles: readonly string[];
  /** A contract handed back: the trips it moved or left, and the cost before and after. */
  readonly handBack?: HandBackChange;
}

/** A run as it was and as it is in a revision (absent: no run). */
export interface RunChange {
  readonly vehicleId: string;
  readonly before: PlanRun | null;
  readonly after: PlanRun | null;
}

/** Revisions of a day listed, at most. */
const REVISIONS_LISTED = 100;

/**
 * The revisions of a plan (the plan it was first made as, and every change since: overrides,
 * bookings, cancellations), newest first, each with who, when, why and the runs it touched; and a
 * revision's runs against those of the plan it was made from. For roles that read plans and trip
 * requests (commissioners, booking agents, administrators).
 */
export class RevisionHistoryService {
  constructor(private readonly unitOfWork: RevisionHistoryUnitOfWork) {}

  async history(actor: Actor, planId: string): Promise<PlanRevisionEntry[]> {
    authoriseHistory(actor);
    const chain = await this.chainOf(actor.organisationId, planId);
    const entries = chain.slice(-REVISIONS_LISTED).reverse();
    const names = new Map<string, string>();
    return Promise.all(entries.map((header) => this.entryOf(actor, header, names)));
  }

  /** The revision's runs that differ from those of the plan it was made from. */
  async changes(
    actor: Actor,
    planId: string,
  ): Promise<{ revisedFrom: string | null; runs: RunChange[] }> {
    authoriseHistory(actor);
    const plans = this.unitOfWork.repositories.plans;
    const org = actor.organisationId;
    const plan = await plans.find(org, planId);
    if (!plan) throw notFound("plan", planId);
    const before = plan.revisedFrom ? await plans.find(org, plan.revisedFrom) : undefined;
    return { revisedFrom: plan.revisedFrom, runs: runChanges(before?.runs ?? [], plan.runs) };
  }

  /** Every plan of the chain `planId` is in, first to latest (read from the day's headers). */
  private async chainOf(org: string, planId: string): Promise<PlanHeader[]> {
    const plans = this.unitOfWork.repositories.plans;
    const plan = await plans.find(org, planId);
    if (!plan) throw notFound("plan", planId);
    const day: PlanHeader[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await plans.list(org, { offset, limit: 100, serviceDate: plan.serviceDate });
      day.push(...page.items);
      if (page.items.length < 100 || day.length >= page.total) break;
    }
    const byId = new Map(day.map((p) => [p.id, p]));
    const next = new Map(day.flatMap((p) => (p.revisedFrom ? [[p.revisedFrom, p] as const] : [])));
    let first: PlanHeader | undefined = byId.get(planId);
    while (first?.revisedFrom && byId.has(first.revisedFrom)) first = byId.get(first.revisedFrom);
    const chain: PlanHeader[] = [];
    for (let at = first; at; at = next.get(at.id)) chain.push(at);
    return chain;
  }

  private async entryOf(
    actor: Actor,
    header: PlanHeader,
    names: Map<string, string>,
  ): Promise<PlanRevisionEntry> {
    const base = {
      id: header.id,
      revision: header.revision,
      status: header.status,
      createdAt: header.createdAt,
    };
    if (!header.revisedFrom) {
      return { ...base, kind: "planned", by: null, why: null, tripRequestId: null, vehicles: [] };
    }
    const log = await this.unitOfWork.repositories.audit.list(actor.organisationId, {
      offset: 0,
      limit: 20,
      resourceId: header.id,
    });
    const made = log.items.find((e) => madeBy(e, header));
    const by = made?.userId ? await this.nameOf(made.userId, names) : null;
    const described = describe(made);
    if (described.kind !== "cancellation") return { ...base, ...described, by };
    // The reason is kept with the cancellation, not in the audit log.
    const id = text(made?.details?.cancellation);
    const cancellation = id
      ? await this.unitOfWork.repositories.cancellations.find(actor.organisationId, id)
      : undefined;
    return { ...base, ...described, why: cancellation?.reason ?? null, by };
  }

  private async nameOf(userId: string, names: Map<string, string>): Promise<string | null> {
    const known = names.get(userId);
    if (known) return known;
    const user = await this.unitOfWork.repositories.identity.findUser(userId);
    if (user) names.set(userId, user.displayName);
    return user?.displayName ?? null;
  }
}

function authoriseHistory(actor: Actor): void {
  authorise(actor, "plans", "read");
  authorise(actor, "trip-requests", "read");
}

/** The audit row that made the revision: an override, a booking or a cancellation. */
function madeBy(entry: AuditEntry, header: PlanHeader): boolean {
  const details = entry.details ?? {};
  if (entry.resource === "plans")
    return entry.action === "update" && details.revisedFrom === header.revisedFrom;
  return entry.resource === "trip-requests" && details.plan === header.id;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

function describe(
  entry: AuditEntry | undefined,
): Omit<PlanRevisionEntry, "id" | "revision" | "status" | "createdAt" | "by"> {
  const details = entry?.details ?? {};
  if (entry?.resource === "plans") {
    return {
      kind: "override",
      why: text(details.reason),
      tripRequestId: null,
      vehicles: texts(details.changedRuns),
    };
  }
  const handBack = handBackOf(details.handBack);
  if (handBack) {
    const why = text(record(details.handBack).reason);
    const vehicles = texts(details.vehicles);
    return { kind: "hand-back", why, tripRequestId: null, vehicles, handBack };
  }
  const tripRequestId = entry?.resourceIds[0] ?? null;
  if (entry?.action === "create") {
    return { kind: "booking", why: null, tripRequestId, vehicles: texts([details.vehicle]) };
  }
  return {
    kind: "cancellation",
    why: null,
    tripRequestId,
    vehicles: texts([details.vehicle]),
  };
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const records = (value: unknown) => (Array.isArray(value) ? value.map(record) : []);
const whole = (value: unknown) => (typeof value === "number" ? value : 0);

/** A hand-back's change as its audit row keeps it (`HandBackReplanner`). */
function handBackOf(value: unknown): HandBackChange | undefined {
  const kept = record(value);
  const contract = text(kept.contract);
  if (!contract) return undefined;
  return {
    contract,
    moved: records(kept.moved).map((m) => ({
      reference: text(m.reference) ?? "",
      fromVehicle: text(m.fromVehicle) ?? "",
      toVehicle: text(m.toVehicle) ?? "",
      pickupBefore: whole(m.pickupBefore),
      pickupAfter: whole(m.pickupAfter),
    })),
    unassigned: records(kept.unassigned).map((u) => ({
      reference: text(u.reference) ?? "",
      reason: text(u.reason) ?? "",
      message: text(u.message) ?? "",
    })),
    costBeforePence: whole(kept.costBeforePence),
    costAfterPence: whole(kept.costAfterPence),
  };
}

/** Runs that differ (stops in another order, or on another vehicle), by vehicle. */
export function runChanges(before: readonly PlanRun[], after: readonly PlanRun[]): RunChange[] {
  const key = (run: PlanRun) =>
    run.stops
      .map((s) => (s.kind === "break" ? `b:${s.breakId}` : `${s.kind}:${s.tripRequestId}`))
      .join(",");
  const was = new Map(before.map((r) => [r.vehicleId, r]));
  const now = new Map(after.map((r) => [r.vehicleId, r]));
  const vehicles = [...new Set([...was.keys(), ...now.keys()])].sort();
  return vehicles.flatMap((vehicleId) => {
    const a = was.get(vehicleId);
    const b = now.get(vehicleId);
    if (a && b && key(a) === key(b)) return [];
    return [{ vehicleId, before: a ?? null, after: b ?? null }];
  });
}
