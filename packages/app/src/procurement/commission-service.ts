import {
  type Commission,
  type CommissionMove,
  commissionAnswerSchema,
  commissionOfferSchema,
  commissionStatusAt,
  completionSchema,
  DPS_BUYER_KINDS,
  disputeSchema,
  findCommissionMoveRefusal,
  type GroupReconciliation,
  listLapsedChecks,
  reconcileMonth,
  reconciliationCsv,
  toMileTenths,
} from "@tt/domain";
import { z } from "zod";
import { londonDate } from "../entitlement";
import {
  type Clock,
  type CommissionChange,
  MONTH_COMMISSIONS_MAX,
  systemClock,
  type UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import { buildOffers, type CommissionOfferRepositories } from "./commission-offers";

/** What the community transport hub reads and writes. */
export type CommissionUnitOfWork = UnitOfWorkOf<
  keyof CommissionOfferRepositories | "commissions" | "staff" | "audit"
>;
type Repos = CommissionUnitOfWork["repositories"];

/** Who offers and disputes for the buyer; who answers for the group; who records journeys. */
const BUYING_ROLES: readonly Actor["role"][] = ["admin", "commissioner"];
const ANSWERING_ROLES: readonly Actor["role"][] = ["admin", "operator"];
const RECORDING_ROLES: readonly Actor["role"][] = ["admin", "operator", "driver"];

const monthSchema = z
  .string()
  .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, { message: "expected YYYY-MM, 1900 to 2199" });

/** A month's reconciliations with the parties' names. */
export interface MonthReconciliation {
  readonly month: string;
  readonly groups: readonly (GroupReconciliation & { buyerName: string; groupName: string })[];
}

/**
 * The community transport hub: a buyer offers trips of its plans to a community transport group
 * (checked against the group's permits), the group accepts or declines before the time limit,
 * its drivers record the journeys and their miles, the buyer may dispute one; each month is
 * reconciled per group at the agreed rate (a contract's mileage rate, else HMRC's AMAP), with a
 * CSV payment export. Every step is in both parties' audit logs. Grants `commissions` (the
 * buyer's side), `commission-answers` and `completions` (the group's).
 */
export class CommissionService {
  constructor(
    private readonly unitOfWork: CommissionUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async offer(actor: Actor, body: unknown): Promise<Commission[]> {
    mustBe(
      actor,
      "commissions",
      BUYING_ROLES,
      "A buyer's commissioners and administrators offer trips.",
    );
    const input = parseInput(commissionOfferSchema, body, "commission");
    const now = this.clock.now();
    return this.unitOfWork.transaction(async (repos) => {
      const buyer = await repos.identity.findOrganisation(actor.organisationId);
      if (!buyer || !DPS_BUYER_KINDS.includes(buyer.kind)) {
        throw new AppError("forbidden", "Only organisations that buy transport offer trips.");
      }
      if (buyer.kind === "local-consortium") {
        // Its spend is held to a delegated budget, and a commission's miles are not known ahead.
        throw new AppError(
          "conflict",
          "A local consortium commissions community transport through contracts priced by the day, which count against its delegated budget.",
        );
      }
      const { offers, passengerIds } = await buildOffers(repos, actor.organisationId, input, now);
      const stored = await repos.commissions.offer(actor.organisationId, offers, now);
      await audited(repos, actor, stored, "create", "commissions: offered");
      await repos.audit.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: "read",
        resource: "passengers",
        resourceIds: passengerIds,
        purpose: actor.purpose ?? "commissions: trips described to a community transport group",
        details: { groupId: input.groupId, commissionIds: stored.map((c) => c.id) },
      });
      return stored;
    });
  }

  /** The group accepts or declines, before the time limit. */
  async answer(actor: Actor, id: string, body: unknown): Promise<Commission> {
    mustBe(
      actor,
      "commission-answers",
      ANSWERING_ROLES,
      "A group's operators and administrators answer.",
    );
    const { answer } = parseInput(commissionAnswerSchema, body, "answer");
    const status = answer === "accept" ? "accepted" : "declined";
    return this.moved(actor, id, "groupId", { kind: "answer", answer }, async () => ({
      status,
      by: actor.userId,
      at: this.clock.now(),
    }));
  }

  /** A journey done: its day, miles and driver, recorded by the group. */
  async complete(actor: Actor, id: string, body: unknown): Promise<Commission> {
    mustBe(
      actor,
      "completions",
      RECORDING_ROLES,
      "A group's drivers and operators record journeys.",
    );
    const parsed = parseInput(completionSchema, body, "journey");
    const driverStaffId = parsed.driverStaffId ?? actor.staffId;
    if (!driverStaffId) throw invalid("driverStaffId", "name the driver");
    if (actor.role === "driver" && actor.staffId !== driverStaffId) {
      throw new AppError("forbidden", "A driver records their own journeys only.");
    }
    const input = { ...parsed, driverStaffId };
    const today = londonDate(this.clock.now());
    const move = { kind: "complete", date: input.date, today } as const;
    return this.moved(actor, id, "groupId", move, async (repos, c) => {
      await checkCrew(repos, c.groupId, input);
      const completion = {
        date: input.date,
        mileTenths: toMileTenths(input.miles),
        driverStaffId: input.driverStaffId,
        ...(input.vehicleId ? { vehicleId: input.vehicleId } : {}),
      };
      return { status: "completed", by: actor.userId, at: this.clock.now(), completion };
    });
  }

  /** The buyer disputes a commission accepted or completed (the payment is held back). */
  async dispute(actor: Actor, id: string, body: unknown): Promise<Commission> {
    mustBe(
      actor,
      "commissions",
      BUYING_ROLES,
      "A buyer's commissioners and administrators dispute.",
    );
    const { reason } = parseInput(disputeSchema, body, "dispute");
    return this.moved(actor, id, "buyerId", { kind: "dispute" }, async () => ({
      status: "disputed",
      by: actor.userId,
      at: this.clock.now(),
      reason,
    }));
  }

  private async moved(
    actor: Actor,
    id: string,
    side: "buyerId" | "groupId",
    move: CommissionMove,
    change: (repos: Repos, c: Commission) => Promise<CommissionChange>,
  ): Promise<Commission> {
    return this.unitOfWork.transaction(async (repos) => {
      await repos.commissions.lock(id);
      const commission = await repos.commissions.findFor(actor.organisationId, id);
      if (!commission) throw notFound("commission", id);
      if (commission[side] !== actor.organisationId) {
        const party = side === "buyerId" ? "buyer" : "group";
        throw new AppError("forbidden", `Only the commission's ${party} may do this.`);
      }
      const refusal = findCommissionMoveRefusal(commission, move, this.clock.now().toISOString());
      if (refusal) throw new AppError("conflict", `The commission cannot change: ${refusal}.`);
      const moved = await repos.commissions.change(id, await change(repos, commission));
      await audited(repos, actor, [moved], "update", `commissions: ${moved.status}`);
      return moved;
    });
  }

  /** The commissions the organisation offered or received for trips in `month`. */
  /**
   * The commissions of the month on one side. A driver sees only its group's work to drive (the
   * commissions accepted, and those done), never the offers nor the buyer's side.
   */
  async list(actor: Actor, side: "offered" | "received", month: unknown): Promise<Commission[]> {
    authorise(actor, "commissions", "read");
    if (actor.role === "driver" && side !== "received") throw driversDrive();
    const chosen = parseInput(monthSchema, month, "month");
    const now = this.clock.now().toISOString();
    const listed = await this.unitOfWork.repositories.commissions.list(
      actor.organisationId,
      side,
      chosen,
    );
    const shown = whole(listed).map((c) => ({ ...c, status: commissionStatusAt(c, now) }));
    const toGroup = side === "received" ? shown.map(homesOnceAccepted) : shown;
    return actor.role === "driver" ? toGroup.filter((c) => DRIVEN.includes(c.status)) : toGroup;
  }

  /** The month reconciled, per buyer and group, from the organisation's side. */
  async reconciliation(
    actor: Actor,
    month: unknown,
    counterpartId?: string,
  ): Promise<MonthReconciliation> {
    authorise(actor, "commissions", "read");
    if (actor.role === "driver") throw driversDrive();
    const chosen = parseInput(monthSchema, month, "month");
    const repos = this.unitOfWork.repositories;
    const me = await repos.identity.findOrganisation(actor.organisationId);
    const side = me?.kind === "community-transport" ? "received" : "offered";
    const commissions = await repos.commissions.list(
      actor.organisationId,
      side,
      chosen,
      counterpartId,
    );
    const names = new Map((await repos.identity.listOrganisations()).map((o) => [o.id, o.name]));
    const groups = reconcileMonth(whole(commissions), chosen, this.clock.now().toISOString()).map(
      (g) => ({
        ...g,
        buyerName: names.get(g.buyerId) ?? "",
        groupName: names.get(g.groupId) ?? "",
      }),
    );
    return { month: chosen, groups };
  }

  /** The payment export (CSV), written to the organisation's audit log. */
  async reconciliationCsv(actor: Actor, month: unknown, counterpartId?: string): Promise<string> {
    const { month: chosen, groups } = await this.reconciliation(actor, month, counterpartId);
    const names = new Map(
      groups.flatMap((g) => [[g.buyerId, g.buyerName] as const, [g.groupId, g.groupName] as const]),
    );
    await this.unitOfWork.repositories.audit.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action: "export",
      resource: "commissions",
      resourceIds: groups.flatMap((g) => g.lines.map((l) => l.commissionId)),
      purpose: actor.purpose ?? "commissions: payment export",
      details: { month: chosen, payablePence: groups.reduce((a, g) => a + g.payablePence, 0) },
    });
    return reconciliationCsv(groups, names);
  }
}

/** The month's commissions, refused rather than cut short (totals must never miss a row). */
function whole(commissions: readonly Commission[]): readonly Commission[] {
  if (commissions.length <= MONTH_COMMISSIONS_MAX) return commissions;
  throw new AppError("validation-failed", "The month holds too many commissions to show whole.", [
    {
      path: "group",
      message: `more than ${MONTH_COMMISSIONS_MAX} commissions in the month: choose one counterpart`,
    },
  ]);
}

/** A home's address goes to the group once it accepts the trip, not with the offer. */
const UNTIL_ACCEPTED = "Home (the address is shown once the trip is accepted)";
function homesOnceAccepted(commission: Commission): Commission {
  if (DRIVEN.includes(commission.status)) return commission;
  const hide = (end: string) => (end.startsWith("Home:") ? UNTIL_ACCEPTED : end);
  const { trip } = commission;
  return {
    ...commission,
    trip: { ...trip, pickup: hide(trip.pickup), dropoff: hide(trip.dropoff) },
  };
}

/** What a driver may see: the work accepted, and the journeys done. */
const DRIVEN: readonly Commission["status"][] = ["accepted", "completed", "disputed"];
const driversDrive = () =>
  new AppError(
    "forbidden",
    "Drivers see the commissions their group accepted; offers and payments are for its office.",
  );

function mustBe(
  actor: Actor,
  resource: "commissions" | "commission-answers" | "completions",
  roles: readonly Actor["role"][],
  message: string,
): void {
  authorise(actor, resource, "write");
  if (!roles.includes(actor.role)) throw new AppError("forbidden", message);
}

const invalid = (path: string, message: string) =>
  new AppError("validation-failed", "The journey is not valid.", [{ path, message }]);

/** The driver is one of the group's, with checks in force on the day; the car is the group's. */
async function checkCrew(
  repos: Repos,
  groupId: string,
  input: { date: string; driverStaffId: string; vehicleId?: string | undefined },
): Promise<void> {
  const driver = await repos.staff.find(groupId, input.driverStaffId);
  if (driver?.role !== "driver") throw invalid("driverStaffId", "not one of the group's drivers");
  const lapsed = listLapsedChecks(driver, input.date);
  if (lapsed.length > 0) {
    throw invalid(
      "driverStaffId",
      `the driver's ${lapsed.join(" and ")} check had lapsed on ${input.date}`,
    );
  }
  if (input.vehicleId && !(await repos.vehicles.find(groupId, input.vehicleId))) {
    throw invalid("vehicleId", "not one of the group's vehicles");
  }
}

/** The step in both parties' audit logs (the rate and the miles stay in the commission). */
async function audited(
  repos: Repos,
  actor: Actor,
  commissions: readonly Commission[],
  action: "create" | "update",
  purpose: string,
): Promise<void> {
  const first = commissions[0];
  if (!first) return;
  for (const organisationId of [first.buyerId, first.groupId]) {
    await repos.audit.append({
      organisationId,
      userId: actor.userId,
      action,
      resource: "commissions",
      resourceIds: commissions.map((c) => c.id),
      purpose: actor.purpose ?? purpose,
      details: {
        status: first.status,
        date: first.date,
        ...(first.completion ? { mileTenths: first.completion.mileTenths } : {}),
      },
    });
  }
}
