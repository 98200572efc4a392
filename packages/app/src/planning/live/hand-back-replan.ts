import type { Contract } from "@tt/domain";
import type {
  Clock,
  PlanHeader,
  PlanStatus,
  PlanUnassigned,
  StoredPlan,
  UnitOfWorkOf,
} from "../../ports";
import { type Actor, AppError } from "../../shared";
import type { RestoredProblems } from "../kept-problem";
import { publishIn } from "../publication-service";
import type { DayQueue } from "./day-queue";
import { type HandedBackPlan, type MovedTrip, withoutHandedBack } from "./handed-back-runs";
import type { HeldPlans } from "./held-plans";
import type { LiveProblem } from "./live-problem";

/** What re-planning a hand-back reads and writes: the buyer's plans, trips, fleet and messages. */
export type HandBackRepository =
  | "plans"
  | "tripRequests"
  | "audit"
  | "vehicles"
  | "grants"
  | "sharing"
  | "contacts"
  | "messages";
export type HandBackUnitOfWork = UnitOfWorkOf<HandBackRepository>;
type Repos = HandBackUnitOfWork["repositories"];

/** What is handed back: the contract, whose plans it ran in and from when. */
export interface HandBackScope {
  readonly contractId: string;
  readonly reference: string;
  readonly buyerId: string;
  readonly vehicleIds: readonly string[];
  /** The first day without the contract. */
  readonly endedOn: string;
  /** The contract's own last day: later days never ran on it. */
  readonly endsOn: string;
  readonly reason: string;
}

/**
 * What a hand-back takes out of the buyer's plans: the contract's vehicles (their grants to the
 * buyer end with it), from `endedOn` to the contract's own end.
 */
export function handBackScope(
  contract: Contract,
  ending: { readonly endedOn: string; readonly reason: string },
): HandBackScope {
  return {
    contractId: contract.id,
    reference: contract.reference,
    buyerId: contract.buyerId,
    vehicleIds: contract.vehicleIds,
    endedOn: ending.endedOn,
    endsOn: contract.endsOn,
    reason: ending.reason,
  };
}

/** A trip moved by a hand-back, by reference (never the passenger's name). */
export type HandBackMovedTrip = MovedTrip & { readonly reference: string };

/** A trip no other run could take, by reference. */
export type HandBackUnplacedTrip = PlanUnassigned & { readonly reference: string };

/** One operating plan re-planned: its new revision, what moved, what was left, what it costs. */
export interface ReplannedDay {
  readonly serviceDate: string;
  readonly planId: string;
  readonly revision: number;
  readonly moved: readonly HandBackMovedTrip[];
  readonly unassigned: readonly HandBackUnplacedTrip[];
  readonly vehicles: readonly string[];
  readonly costBeforePence: number;
  readonly costAfterPence: number;
}

/** A day's operating plan and its change, worked out before the transaction. */
interface PreparedDay {
  readonly plan: StoredPlan;
  readonly live: LiveProblem;
  readonly change: HandedBackPlan;
}

/** Plans of the days from the hand-back read per page. */
const PAGE = 100;
const PUBLISHED: PlanStatus = "published";

/**
 * When a contract is handed back, each of the buyer's operating plans (published) from the first
 * day without it loses the runs of the contract's vehicles; their trips go into the plan's other
 * runs (`withoutHandedBack`), nobody else's stops moving run or order. Each plan gets one revision,
 * published in its place in the hand-back's own transaction, audited in the buyer's log with the
 * trips moved (by reference), those left without a place and why, and the cost before and after;
 * passengers whose pick-up time changes hear of it as after any revision. The days' changes wait
 * their turn behind the booking desk's (`DayQueue`).
 */
export class HandBackReplanner {
  constructor(
    private readonly unitOfWork: HandBackUnitOfWork,
    private readonly problems: RestoredProblems,
    private readonly clock: Clock,
    private readonly queue: DayQueue,
    private readonly held: HeldPlans,
  ) {}

  /**
   * `work` with the buyer's days from the hand-back held, given each day's change worked out, and
   * `save` to call inside the hand-back's transaction; tried again on a lost race.
   */
  async during<T>(
    scope: HandBackScope,
    work: (save: (repos: Repos, actor: Actor) => Promise<ReplannedDay[]>) => Promise<T>,
  ): Promise<T> {
    const dates = (await this.publishedFrom(scope)).map((h) => h.serviceDate);
    return this.queue.changeDays(scope.buyerId, dates, async () => {
      // Read again in turn: a day's operating plan may have a newer revision by now.
      const days = await this.prepare(scope, await this.publishedFrom(scope));
      const saved: StoredPlan[] = [];
      const result = await work(async (repos, actor) => {
        const replanned = await this.saveIn(repos, actor, scope, days);
        saved.push(...replanned.map((r) => r.stored));
        return replanned.map((r) => r.day);
      });
      // Committed: the next change of each day reads its revision from memory.
      for (const [k, stored] of saved.entries()) {
        const live = days[k]?.live.withoutVehicles(scope.vehicleIds);
        if (live) this.problems.hold(scope.buyerId, stored.id, live);
        this.held.hold(scope.buyerId, stored);
      }
      return result;
    });
  }

  /** The buyer's operating plans of the days from the first day without the contract, by day. */
  private async publishedFrom(scope: HandBackScope): Promise<PlanHeader[]> {
    const found: PlanHeader[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const query = { offset, limit: PAGE, fromServiceDate: scope.endedOn, status: PUBLISHED };
      const page = await this.unitOfWork.repositories.plans.list(scope.buyerId, query);
      found.push(...page.items);
      if (page.items.length < PAGE) break;
    }
    return found
      .filter((h) => h.serviceDate <= scope.endsOn)
      .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
  }

  /** Each plan with a run of the contract's vehicles, and its change. */
  private async prepare(scope: HandBackScope, headers: readonly PlanHeader[]) {
    const plans = this.unitOfWork.repositories.plans;
    const org = scope.buyerId;
    const vehicles = new Set(scope.vehicleIds);
    const days: PreparedDay[] = [];
    for (const header of headers) {
      const plan = await this.held.read(org, header.id, () => plans.find(org, header.id));
      if (!plan?.runs.some((r) => vehicles.has(r.vehicleId))) continue;
      const live = await this.problems.get(org, plan.id, () =>
        plans.findProblemChain(org, plan.id),
      );
      if (!live) throw keptWithoutProblem(plan.serviceDate);
      const change = withoutHandedBack(plan, live, vehicles);
      if (change) days.push({ plan: { ...plan, status: header.status }, live, change });
    }
    return days;
  }

  /** Inside the hand-back's transaction: each day's revision saved, published and audited. */
  private async saveIn(
    repos: Repos,
    actor: Actor,
    scope: HandBackScope,
    days: readonly PreparedDay[],
  ): Promise<{ stored: StoredPlan; day: ReplannedDay }[]> {
    // The buyer's plans change in the buyer's name, by the operator's user who handed it back.
    const buyer: Actor = { ...actor, organisationId: scope.buyerId };
    const additions = { requests: [], locations: [], points: [] };
    const saved: { stored: StoredPlan; day: ReplannedDay }[] = [];
    for (const { plan, change } of days) {
      const stored = await repos.plans.saveRevision(scope.buyerId, plan.id, {
        ...change.revision,
        additions: { ...additions, withdrawnVehicles: [...scope.vehicleIds] },
      });
      await publishIn(repos, this.clock, buyer, stored, { previous: plan });
      const day = await namedDay(repos, scope.buyerId, stored, change);
      await audit(repos, buyer, scope, day, plan.id);
      saved.push({ stored, day });
    }
    return saved;
  }
}

/** The day's change with each trip's reference. */
async function namedDay(
  repos: Repos,
  org: string,
  stored: StoredPlan,
  change: HandedBackPlan,
): Promise<ReplannedDay> {
  const ids = [...change.moved, ...change.unassigned].map((t) => t.tripRequestId);
  const trips = await repos.tripRequests.findByIds(org, ids);
  const reference = new Map(trips.map((t) => [t.id, t.reference]));
  const named = (id: string) => reference.get(id) ?? id;
  return {
    serviceDate: stored.serviceDate,
    planId: stored.id,
    revision: stored.revision,
    moved: change.moved.map((m) => ({ ...m, reference: named(m.tripRequestId) })),
    unassigned: change.unassigned.map((u) => ({ ...u, reference: named(u.tripRequestId) })),
    vehicles: change.vehicles,
    costBeforePence: change.costBeforePence,
    costAfterPence: change.costAfterPence,
  };
}

/** The revision in the buyer's log: the trips it moved or left, and what the plan costs now. */
async function audit(
  repos: Repos,
  buyer: Actor,
  scope: HandBackScope,
  day: ReplannedDay,
  revisedFrom: string,
): Promise<void> {
  const trips = [...day.moved, ...day.unassigned].map((t) => t.tripRequestId);
  await repos.audit.append({
    organisationId: scope.buyerId,
    userId: buyer.userId,
    action: "update",
    resource: "trip-requests",
    resourceIds: [day.planId, ...trips],
    purpose: buyer.purpose ?? `contract ${scope.reference} handed back: its trips re-planned`,
    details: {
      plan: day.planId,
      revisedFrom,
      revision: day.revision,
      vehicles: [...day.vehicles],
      handBack: {
        contract: scope.reference,
        contractId: scope.contractId,
        reason: scope.reason,
        moved: day.moved.map((m) => ({ ...m })),
        unassigned: day.unassigned.map((u) => ({ ...u })),
        costBeforePence: day.costBeforePence,
        costAfterPence: day.costAfterPence,
      },
    },
  });
}

function keptWithoutProblem(date: string): AppError {
  return new AppError(
    "conflict",
    `The operating plan of ${date} was stored without its Problem (plans made before every Problem was kept), so its runs cannot be re-planned without the contract's vehicles: plan the day again and publish it, then hand the contract back.`,
    [{ path: "endedOn", message: `the operating plan of ${date} cannot be changed` }],
  );
}
