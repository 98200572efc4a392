import {
  type AlignmentGroup,
  type Contract,
  type ContractInput,
  type ContractMove,
  type ContractStatus,
  contractInputSchema,
  contractMoveSchema,
  DPS_BUYER_KINDS,
  DPS_SUPPLIER_KINDS,
  findContractMoveRefusal,
  handBackSchema,
  proposeAlignment,
} from "@tt/domain";
import { londonDate } from "../entitlement";
import {
  type HandBackReplanner,
  type HandBackRepository,
  handBackScope,
  type ReplannedDay,
} from "../planning";
import { type Clock, systemClock, type UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import { endContractGrants, endGrantsOnHandBack } from "./contract-grants";
import { mustContractWithinArea, mustFitDelegatedBudget } from "./delegation-checks";

/** What the contract register reads and writes. */
export type ContractUnitOfWork = UnitOfWorkOf<
  | "contracts"
  | "identity"
  | "vehicles"
  | "funders"
  | "grants"
  | "audit"
  // A hand-back re-plans the buyer's operating plans (`HandBackReplanner`).
  | HandBackRepository
  // A local consortium's contracts stay within its delegated budget and area.
  | "delegations"
  | "places"
  | "passengers"
>;
type Repos = ContractUnitOfWork["repositories"];

/** A contract with both parties named and its vehicles' references. */
export interface ContractView extends Contract {
  readonly operatorName: string;
  readonly buyerName: string;
  readonly vehicleReferences: readonly string[];
}

/** A contract handed back, with the buyer's operating plans re-planned without its vehicles. */
export interface HandedBack extends ContractView {
  readonly replanned: readonly ReplannedDay[];
}

/** Today in the UK, where the contracts run. */
const today = (clock: Clock) => londonDate(clock.now());

/** Who writes a buyer's contracts: not an operator user of its in-house fleet. */
const BUYING_ROLES: readonly Actor["role"][] = ["admin", "commissioner"];
/** Who hands a contract back for the operator. */
const SUPPLYING_ROLES: readonly Actor["role"][] = ["admin", "operator"];

/**
 * The contract register: a buyer (council, ICB, partnership, consortium) records its contracts
 * with operators and community transport groups (price, the operator's vehicles it prices, runs,
 * funders, dates, break dates), signs them, and ends them at a break date; the operator reads its
 * own and hands one back. A signed contract prices its vehicles in the buyer's plans while in
 * force. Each step is in both parties' audit logs. Role grant `contracts`.
 */
export class ContractService {
  constructor(
    private readonly unitOfWork: ContractUnitOfWork,
    private readonly clock: Clock = systemClock,
    /** Re-plans the buyer's operating plans when a contract is handed back. */
    private readonly replanner?: HandBackReplanner,
  ) {}

  async create(actor: Actor, body: unknown): Promise<ContractView> {
    mustBuy(actor);
    const input = parseInput(contractInputSchema, body, "contract");
    return this.unitOfWork.transaction(async (repos) => {
      await mustBeBuyer(repos, actor.organisationId);
      await checkParties(repos, actor.organisationId, input);
      await mustContractWithinArea(repos, actor, input);
      const stored = await repos.contracts.create(actor.organisationId, input);
      await audited(repos, actor, stored, "create", "contracts: recorded");
      return (await viewed(repos, [stored]))[0]!;
    });
  }

  /** A draft's terms rewritten by its buyer; a signed contract is changed by a new one. */
  async update(actor: Actor, id: string, body: unknown): Promise<ContractView> {
    mustBuy(actor);
    const input = parseInput(contractInputSchema, body, "contract");
    return this.unitOfWork.transaction(async (repos) => {
      const contract = await lockedFor(repos, actor, id);
      if (contract.buyerId !== actor.organisationId) throw buyerOnly();
      if (contract.status !== "draft") {
        throw new AppError(
          "conflict",
          `Contract ${contract.reference} is ${contract.status}: only a draft's terms change.`,
        );
      }
      await checkParties(repos, actor.organisationId, input);
      await mustContractWithinArea(repos, actor, input);
      const stored = await repos.contracts.update(id, input);
      await audited(repos, actor, stored, "update", "contracts: terms changed");
      return (await viewed(repos, [stored]))[0]!;
    });
  }

  /** The buyer signs a draft, or ends the contract at one of its break dates. */
  async move(actor: Actor, id: string, body: unknown): Promise<ContractView> {
    mustBuy(actor);
    return this.moved(actor, id, parseInput(contractMoveSchema, body, "contract change"));
  }

  /**
   * The operator hands the contract back, from a day not yet past: in the same transaction the
   * buyer's operating plans from that day lose the runs of its vehicles, their trips placed on
   * the other runs (`HandBackReplanner`). A contract is handed back whole.
   */
  async handBack(actor: Actor, id: string, body: unknown): Promise<HandedBack> {
    authorise(actor, "hand-backs", "write");
    const ending = parseInput(handBackSchema, body, "hand-back");
    const move = { status: "handed-back" as const, ...ending };
    const replanner = this.replanner;
    if (!replanner) return { ...(await this.moved(actor, id, move)), replanned: [] };
    const contract = await this.unitOfWork.repositories.contracts.findFor(actor.organisationId, id);
    if (!contract) throw notFound("contract", id);
    // Refused before any planning work; checked again on the locked contract.
    refuseMove(actor, contract, move, today(this.clock));
    return replanner.during(handBackScope(contract, ending), async (save) => {
      let replanned: ReplannedDay[] = [];
      const view = await this.moved(actor, id, move, async (repos) => {
        replanned = await save(repos, actor);
      });
      return { ...view, replanned };
    });
  }

  private async moved(
    actor: Actor,
    id: string,
    move: ContractMove,
    during?: (repos: Repos) => Promise<void>,
  ): Promise<ContractView> {
    return this.unitOfWork.transaction(async (repos) => {
      const contract = await lockedFor(repos, actor, id);
      refuseMove(actor, contract, move, today(this.clock));
      if (move.status === "active") await mustFitDelegatedBudget(repos, contract.buyerId, contract);
      const moved = await repos.contracts.move(id, move);
      // A contract recorded by the buyer prices the vehicles the operator granted it; only an
      // award, the operator's own bid, brings vehicles to the buyer (competition-service.ts).
      if (moved.status === "handed-back" && moved.endedOn) {
        await endGrantsOnHandBack(repos, moved, moved.endedOn);
      } else if (moved.status !== "active") await endContractGrants(repos, moved);
      await audited(repos, actor, moved, "update", `contracts: ${move.status}`);
      await during?.(repos);
      return (await viewed(repos, [moved]))[0]!;
    });
  }

  /** The contracts the organisation bought or supplies. */
  async list(
    actor: Actor,
    side: "bought" | "supplied",
    status?: ContractStatus,
  ): Promise<ContractView[]> {
    authorise(actor, "contracts", "read");
    const repos = this.unitOfWork.repositories;
    return viewed(repos, await repos.contracts.list(actor.organisationId, side, status));
  }

  async get(actor: Actor, id: string): Promise<ContractView> {
    authorise(actor, "contracts", "read");
    const repos = this.unitOfWork.repositories;
    const contract = await repos.contracts.findFor(actor.organisationId, id);
    if (!contract) throw notFound("contract", id);
    return (await viewed(repos, [contract]))[0]!;
  }

  /** The buyer's signed contracts grouped to end together at the end of a school year. */
  async alignment(actor: Actor): Promise<{ today: string; groups: AlignmentGroup[] }> {
    authorise(actor, "contracts", "read");
    const bought = await this.unitOfWork.repositories.contracts.list(
      actor.organisationId,
      "bought",
    );
    const now = today(this.clock);
    return { today: now, groups: proposeAlignment(bought, now) };
  }
}

function mustBuy(actor: Actor): void {
  authorise(actor, "contracts", "write");
  if (!BUYING_ROLES.includes(actor.role)) {
    throw new AppError("forbidden", "A buyer's commissioners and administrators write contracts.");
  }
}

const buyerOnly = () => new AppError("forbidden", "Only the buyer changes its contract.");

/** The operator hands a contract back, the buyer signs or ends it, each only as the terms allow. */
function refuseMove(actor: Actor, contract: Contract, move: ContractMove, today: string): void {
  const side = move.status === "handed-back" ? "operatorId" : "buyerId";
  const roles = move.status === "handed-back" ? SUPPLYING_ROLES : BUYING_ROLES;
  if (contract[side] !== actor.organisationId || !roles.includes(actor.role)) {
    throw new AppError(
      "forbidden",
      move.status === "handed-back"
        ? "Only the operator's administrators and operators hand a contract back."
        : "Only the buyer's commissioners and administrators sign or end a contract.",
    );
  }
  const refusal = findContractMoveRefusal(contract, move, today);
  if (refusal) throw new AppError("conflict", `The contract cannot change: ${refusal}.`);
}

async function mustBeBuyer(repos: Repos, organisationId: string): Promise<void> {
  const buyer = await repos.identity.findOrganisation(organisationId);
  if (!buyer || !DPS_BUYER_KINDS.includes(buyer.kind)) {
    throw new AppError("forbidden", "Only organisations that buy transport record contracts.");
  }
}

const invalid = (path: string, message: string) =>
  new AppError("validation-failed", "The contract is not valid.", [{ path, message }]);

/** The operator supplies transport, the vehicles are its own, the funders the buyer's. */
async function checkParties(repos: Repos, buyerId: string, input: ContractInput): Promise<void> {
  const operator = await repos.identity.findOrganisation(input.operatorId);
  if (!operator || !DPS_SUPPLIER_KINDS.includes(operator.kind)) {
    throw invalid("operatorId", "not an operator or community transport group");
  }
  const vehicles = await repos.vehicles.findByIds(operator.id, input.vehicleIds);
  const found = new Set(vehicles.map((v) => v.id));
  const missing = input.vehicleIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(`vehicleIds.${missing}`, "not one of the operator's vehicles");
  const funders = await repos.funders.findByIds(buyerId, input.funderIds);
  const known = new Set(funders.map((f) => f.id));
  const unknown = input.funderIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalid(`funderIds.${unknown}`, "not one of your funders");
}

async function lockedFor(repos: Repos, actor: Actor, id: string): Promise<Contract> {
  await repos.contracts.lock(id);
  const contract = await repos.contracts.findFor(actor.organisationId, id);
  if (!contract) throw notFound("contract", id);
  return contract;
}

/** The step in both parties' audit logs (the price stays in the contract itself). */
async function audited(
  repos: Repos,
  actor: Actor,
  contract: Contract,
  action: "create" | "update",
  purpose: string,
): Promise<void> {
  for (const organisationId of [contract.buyerId, contract.operatorId]) {
    await repos.audit.append({
      organisationId,
      userId: actor.userId,
      action,
      resource: "contracts",
      resourceIds: [contract.id],
      purpose: actor.purpose ?? purpose,
      details: {
        reference: contract.reference,
        status: contract.status,
        ...(contract.endedOn ? { endedOn: contract.endedOn } : {}),
      },
    });
  }
}

/** The contracts with their parties' names and their vehicles' references. */
async function viewed(repos: Repos, contracts: readonly Contract[]): Promise<ContractView[]> {
  const organisations = new Map(
    (await repos.identity.listOrganisations()).map((o) => [o.id, o.name]),
  );
  const references = new Map<string, string>();
  for (const operatorId of new Set(contracts.map((c) => c.operatorId))) {
    const ids = contracts.filter((c) => c.operatorId === operatorId).flatMap((c) => c.vehicleIds);
    for (const v of await repos.vehicles.findByIds(operatorId, [...new Set(ids)])) {
      references.set(v.id, v.reference);
    }
  }
  return contracts.map((c) => ({
    ...c,
    operatorName: organisations.get(c.operatorId) ?? "",
    buyerName: organisations.get(c.buyerId) ?? "",
    vehicleReferences: c.vehicleIds.map((id) => references.get(id) ?? id),
  }));
}
