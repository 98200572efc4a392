import {
  type Bid,
  bidInputSchema,
  bidsOpen,
  type Competition,
  competitionInputSchema,
  DPS_BUYER_KINDS,
  formatMinutesOfDay,
  qualityInputSchema,
  rankBids,
  type ScoredBid,
} from "@tt/domain";
import { z } from "zod";
import { type RestoredProblems, unfitRuns } from "../planning";
import { type Clock, systemClock, type UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import { mustBeInDate, mustStandAdmitted } from "./award-checks";
import { grantContractVehicles } from "./contract-grants";
import { mustFitDelegatedBudget, mustPutOutWithinArea } from "./delegation-checks";
import { lotsOf } from "./lot-service";

/** What mini-competitions read and write. */
export type CompetitionUnitOfWork = UnitOfWorkOf<
  | "competitions"
  | "contracts"
  | "dps"
  | "identity"
  | "plans"
  | "tripRequests"
  | "termCalendars"
  | "places"
  | "vehicles"
  | "staff"
  | "grants"
  | "compliance"
  | "audit"
  // A local consortium's competitions stay within its delegated budget and area.
  | "delegations"
  | "passengers"
>;
type Repos = CompetitionUnitOfWork["repositories"];

/**
 * A lot as an invited operator sees it: its runs' times, trips and needs, without the buyer's cost
 * estimates or the vehicles (other operators' among them) that run the work today.
 */
export type InvitedLot = Omit<
  Competition["lots"][number],
  "costPerDayPence" | "estimatedCostPence" | "runs"
> & { readonly runs: readonly Omit<Competition["lots"][number]["runs"][number], "costPence">[] };

/** A competition as one party sees it: the buyer all of it, an invited operator its own bids. */
export interface CompetitionView extends Omit<Competition, "invited" | "lots"> {
  readonly lots: readonly (Competition["lots"][number] | InvitedLot)[];
  readonly buyerName: string;
  readonly invited?: readonly { readonly id: string; readonly name: string }[];
  readonly open: boolean;
  readonly myBids?: readonly Bid[];
}

export interface LotEvaluation {
  readonly lotId: string;
  readonly name: string;
  readonly contractId?: string;
  readonly ranked: readonly (ScoredBid & { readonly operatorName: string })[];
}

const BUYING_ROLES: readonly Actor["role"][] = ["admin", "commissioner"];
/** Bids close this many days ahead at most: a later deadline would seal them for good [D]. */
const MAX_DEADLINE_DAYS = 365;
const awardSchema = z.object({ bidId: z.uuid({ message: "expected an id (UUID)" }) });

/**
 * Mini-competitions (role grants `contracts` for the buyer, `dps` for bidders): a buyer packages
 * a plan's runs into lots and invites the operators admitted to its DPS in the categories named;
 * they bid sealed, a day's price and the vehicles they offer, each checked by the engine against
 * the lot's runs; no bid can be read before the deadline, by anyone (an attempt is audited); then
 * the buyer marks quality, ranks (price and quality weighted) and awards, which makes and signs
 * the contract. Every step is audited.
 */
export class CompetitionService {
  constructor(
    private readonly unitOfWork: CompetitionUnitOfWork,
    private readonly problems: RestoredProblems,
    private readonly clock: Clock = systemClock,
  ) {}

  async create(actor: Actor, body: unknown): Promise<CompetitionView> {
    mustBuy(actor);
    const input = parseInput(competitionInputSchema, body, "competition");
    const org = actor.organisationId;
    const [deadline, now] = [Date.parse(input.deadline), this.clock.now().getTime()];
    if (deadline <= now) throw invalid("deadline", "the deadline must be to come");
    if (deadline > now + MAX_DEADLINE_DAYS * 86_400_000) {
      throw invalid("deadline", `the deadline must be within ${MAX_DEADLINE_DAYS} days`);
    }
    const repos = this.unitOfWork.repositories;
    const buyer = await repos.identity.findOrganisation(org);
    if (!buyer || !DPS_BUYER_KINDS.includes(buyer.kind)) {
      throw new AppError("forbidden", "Only organisations that buy transport run competitions.");
    }
    const plan = await repos.plans.find(org, input.planId);
    if (!plan) throw invalid("planId", "not one of your plans");
    const all = await lotsOf(repos, org, plan, input.rule, actor);
    const named = input.lots ?? all.map((l) => l.name);
    const lotNames = new Set(all.map((l) => l.name));
    const missing = named.findIndex((n) => !lotNames.has(n));
    if (missing >= 0) throw invalid(`lots.${missing}`, "no lot of the plan has this name");
    const lots = all.filter((l) => named.includes(l.name));
    if (lots.length === 0) throw invalid("planId", "the plan has no runs to put out");
    await mustPutOutWithinArea(repos, actor, plan, lots, input);
    const admitted = await repos.dps.list(org, "received", "admitted");
    const invited = [
      ...new Set(
        admitted
          .filter((a) => a.categories.some((c) => input.categories.includes(c)))
          .map((a) => a.operatorId),
      ),
    ];
    return this.unitOfWork.transaction(async (tx) => {
      const { lots: _l, ...terms } = input;
      const made = await tx.competitions.create(org, { ...terms, invited }, lots);
      await audit(tx, actor, org, made.id, "create", "competition: put out", {
        lots: made.lots.length,
        invited: invited.length,
      });
      return this.viewFor(tx, actor, made);
    });
  }

  async list(actor: Actor, side: "bought" | "invited"): Promise<CompetitionView[]> {
    authorise(actor, "contracts", "read");
    const repos = this.unitOfWork.repositories;
    const found = await repos.competitions.list(actor.organisationId, side);
    return Promise.all(found.map((c) => this.viewFor(repos, actor, c)));
  }

  async get(actor: Actor, id: string): Promise<CompetitionView> {
    authorise(actor, "contracts", "read");
    const repos = this.unitOfWork.repositories;
    return this.viewFor(repos, actor, await partyTo(repos, actor, id));
  }

  /** An invited operator's sealed bid for a lot, before the deadline (replacing its last). */
  async bid(actor: Actor, id: string, body: unknown): Promise<Bid> {
    authorise(actor, "bids", "write");
    const input = parseInput(bidInputSchema, body, "bid");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (tx) => {
      await tx.competitions.lock(id);
      const competition = await tx.competitions.find(id);
      if (!competition?.invited.includes(org)) throw notFound("competition", id);
      if (bidsOpen(competition, this.clock.now())) throw closed(competition);
      await mustStandAdmitted(tx, competition.buyerId, org);
      const lot = competition.lots.find((l) => l.id === input.lotId);
      if (!lot) throw invalid("lotId", "not a lot of this competition");
      const vehicles = await tx.vehicles.findByIds(org, input.vehicleIds);
      const own = new Set(vehicles.map((v) => v.id));
      const unknown = input.vehicleIds.findIndex((v) => !own.has(v));
      if (unknown >= 0) throw invalid(`vehicleIds.${unknown}`, "not one of your vehicles");
      const staff = new Set((await tx.staff.findByIds(org, input.staffIds)).map((p) => p.id));
      const stranger = input.staffIds.findIndex((p) => !staff.has(p));
      if (stranger >= 0) throw invalid(`staffIds.${stranger}`, "not one of your staff");
      const unfit = await this.unfit(tx, competition, lot, vehicles);
      const placed = await tx.competitions.placeBid(id, org, { ...input, unfit });
      await audit(tx, actor, org, id, "create", "competition: sealed bid placed", {
        lot: lot.id,
        bid: placed.id,
      });
      return placed;
    });
  }

  /** The bids, for the buyer, once the deadline has passed; before it, refused and audited. */
  async bids(actor: Actor, id: string): Promise<LotEvaluation[]> {
    authorise(actor, "contracts", "read");
    const repos = this.unitOfWork.repositories;
    const competition = await this.asBuyer(repos, actor, id);
    if (!bidsOpen(competition, this.clock.now())) {
      await audit(
        repos,
        actor,
        actor.organisationId,
        id,
        "read",
        "competition: bids asked for before the deadline, refused",
        {},
      );
      throw new AppError(
        "conflict",
        `The bids are sealed until ${competition.deadline}: nobody can read them before.`,
      );
    }
    const all = await repos.competitions.listBids(id);
    await audit(repos, actor, actor.organisationId, id, "read", "competition: bids opened", {
      bids: all.length,
    });
    const names = await organisationNames(repos);
    return competition.lots.map((lot) => ({
      lotId: lot.id,
      name: lot.name,
      ...(lot.contractId ? { contractId: lot.contractId } : {}),
      ranked: rankBids(
        all.filter((b) => b.lotId === lot.id),
        competition.priceWeight,
      ).map((s) => ({ ...s, operatorName: names.get(s.bid.operatorId) ?? "" })),
    }));
  }

  /** The buyer's quality mark of a bid, once the bids are open. */
  async markQuality(actor: Actor, id: string, bidId: string, body: unknown): Promise<Bid> {
    mustBuy(actor);
    const { quality } = parseInput(qualityInputSchema, body, "quality mark");
    return this.unitOfWork.transaction(async (tx) => {
      const competition = await this.asBuyer(tx, actor, id);
      if (!bidsOpen(competition, this.clock.now())) throw sealed(competition);
      const bid = (await tx.competitions.listBids(id)).find((b) => b.id === bidId);
      if (!bid) throw notFound("bid", bidId);
      const marked = await tx.competitions.markQuality(bidId, quality);
      await audit(tx, actor, actor.organisationId, id, "update", "competition: quality marked", {
        bid: bidId,
        quality,
      });
      return marked ?? bid;
    });
  }

  /**
   * Awards a lot to a bid once the bids are open: the contract is made (a day's price, the
   * vehicles offered, the lot's runs, the competition's term) and signed. Refused for a bid whose
   * vehicles cannot serve the lot, or an operator whose own documents or offered vehicles'
   * documents have lapsed.
   */
  async award(actor: Actor, id: string, lotId: string, body: unknown): Promise<LotEvaluation[]> {
    mustBuy(actor);
    const { bidId } = parseInput(awardSchema, body, "award");
    await this.unitOfWork.transaction(async (tx) => {
      await tx.competitions.lock(id);
      const competition = await this.asBuyer(tx, actor, id);
      if (!bidsOpen(competition, this.clock.now())) throw sealed(competition);
      const lot = competition.lots.find((l) => l.id === lotId);
      if (!lot) throw notFound("lot", lotId);
      if (lot.contractId) throw new AppError("conflict", `Lot ${lot.name} is already awarded.`);
      const bid = (await tx.competitions.listBids(id)).find(
        (b) => b.id === bidId && b.lotId === lotId,
      );
      if (!bid) throw invalid("bidId", "not a bid for this lot");
      if (bid.unfit.length > 0) {
        throw new AppError("conflict", `The bid cannot serve the lot: ${bid.unfit.join("; ")}.`);
      }
      await mustStandAdmitted(tx, actor.organisationId, bid.operatorId);
      await mustBeInDate(tx, bid, competition.startsOn, this.clock);
      await mustFitDelegatedBudget(tx, actor.organisationId, {
        reference: `Lot ${lot.name}`,
        price: { basis: "per-day", pence: bid.pricePence },
        startsOn: competition.startsOn,
        endsOn: competition.endsOn,
      });
      const index = competition.lots.findIndex((l) => l.id === lotId) + 1;
      const contract = await tx.contracts.create(actor.organisationId, {
        operatorId: bid.operatorId,
        reference: `MC-${competition.id.slice(0, 8).toUpperCase()}-${index}`,
        title: `${competition.title}: ${lot.name}`.slice(0, 200),
        funderIds: [],
        price: { basis: "per-day", pence: bid.pricePence },
        vehicleIds: [...bid.vehicleIds],
        runs: lot.runs.map((r) => `${r.vehicleReference} ${clock(r.start)}–${clock(r.end)}`),
        startsOn: competition.startsOn,
        endsOn: competition.endsOn,
        breakDates: [],
      });
      const signed = await tx.contracts.move(contract.id, { status: "active" });
      await grantContractVehicles(tx, signed);
      await tx.competitions.award(lotId, signed.id);
      for (const org of [actor.organisationId, bid.operatorId]) {
        await audit(tx, actor, org, id, "update", "competition: lot awarded, contract signed", {
          lot: lotId,
          bid: bidId,
          contract: signed.id,
        });
      }
    });
    return this.bids(actor, id);
  }

  private async unfit(
    repos: Repos,
    competition: Competition,
    lot: Competition["lots"][number],
    vehicles: Parameters<typeof unfitRuns>[3],
  ): Promise<string[]> {
    const buyer = competition.buyerId;
    const plan = await repos.plans.find(buyer, competition.planId);
    const live = await this.problems.get(buyer, competition.planId, () =>
      repos.plans.findProblemChain(buyer, competition.planId),
    );
    if (!plan || !live) return [];
    return unfitRuns(live, plan, lot, vehicles);
  }

  private async asBuyer(repos: Repos, actor: Actor, id: string): Promise<Competition> {
    const competition = await repos.competitions.find(id);
    if (!competition || competition.buyerId !== actor.organisationId) {
      throw notFound("competition", id);
    }
    return competition;
  }

  private async viewFor(repos: Repos, actor: Actor, c: Competition): Promise<CompetitionView> {
    const names = await organisationNames(repos);
    const { invited, ...rest } = c;
    const open = bidsOpen(c, this.clock.now());
    if (c.buyerId === actor.organisationId) {
      const list = invited.map((id) => ({ id, name: names.get(id) ?? "" }));
      return { ...rest, buyerName: names.get(c.buyerId) ?? "", invited: list, open };
    }
    const myBids = await repos.competitions.listBids(c.id, actor.organisationId);
    const lots = rest.lots.map(invitedLot);
    return { ...rest, lots, buyerName: names.get(c.buyerId) ?? "", open, myBids };
  }
}

const clock = (minutes: number) => formatMinutesOfDay(Math.round(minutes));

function invitedLot(lot: Competition["lots"][number]): InvitedLot {
  const { costPerDayPence: _day, estimatedCostPence: _year, runs, ...rest } = lot;
  return {
    ...rest,
    runs: runs.map(({ costPence: _cost, ...run }, k) => ({
      ...run,
      vehicleId: "",
      vehicleReference: `Run ${k + 1}`,
    })),
  };
}

function mustBuy(actor: Actor): void {
  authorise(actor, "contracts", "write");
  if (!BUYING_ROLES.includes(actor.role)) {
    throw new AppError("forbidden", "A buyer's commissioners and administrators run competitions.");
  }
}

const invalid = (path: string, message: string) =>
  new AppError("validation-failed", "The request is not valid.", [{ path, message }]);

const closed = (c: Competition) =>
  new AppError("conflict", `The competition closed at ${c.deadline}: no more bids.`);
const sealed = (c: Competition) =>
  new AppError("conflict", `The bids are sealed until ${c.deadline}.`);

/** The competition, for its buyer or an operator invited to it; 404 for anyone else. */
async function partyTo(repos: Repos, actor: Actor, id: string): Promise<Competition> {
  const found = await repos.competitions.find(id);
  const org = actor.organisationId;
  if (!found || (found.buyerId !== org && !found.invited.includes(org))) {
    throw notFound("competition", id);
  }
  return found;
}

async function organisationNames(repos: Repos): Promise<Map<string, string>> {
  return new Map((await repos.identity.listOrganisations()).map((o) => [o.id, o.name]));
}

async function audit(
  repos: Repos,
  actor: Actor,
  organisationId: string,
  competitionId: string,
  action: "create" | "read" | "update",
  purpose: string,
  details: Record<string, string | number>,
): Promise<void> {
  await repos.audit.append({
    organisationId,
    userId: actor.userId,
    action,
    resource: "contracts",
    resourceIds: [competitionId],
    // What happened is the product's to say: a purpose the caller stated is kept beside it.
    purpose,
    details: actor.purpose ? { ...details, statedPurpose: actor.purpose } : details,
  });
}
