import {
  type Contract,
  type ContractInput,
  commitmentIn,
  type Delegation,
  financialYearsBetween,
  formatPounds,
  isInArea,
} from "@tt/domain";
import { findFleetVehicles } from "../planning";
import type { PlanRun, Repositories, StoredPlan } from "../ports";
import { type Actor, AppError } from "../shared";
import { type LocatedRun, locateRuns, type RunStopRepos, runLabel } from "./run-stops";

/** What the budget check reads. */
export type BudgetCheckRepos = Pick<Repositories, "identity" | "delegations" | "contracts">;
/** What the area checks read. */
export type AreaCheckRepos = BudgetCheckRepos & RunStopRepos & Pick<Repositories, "plans">;

/** The terms a commitment is counted from: a contract to sign, or an award to make. */
export type Commitable = Pick<Contract, "reference" | "price" | "startsOn" | "endsOn"> & {
  readonly id?: string;
};

/** The buyer's name when it is a local consortium (bound by its delegations), else undefined. */
async function consortiumName(repos: BudgetCheckRepos, buyerId: string) {
  const buyer = await repos.identity.findOrganisation(buyerId);
  return buyer?.kind === "local-consortium" ? buyer.name : undefined;
}

/** The consortium's delegation for each financial year the term touches; 409 for a year without. */
async function delegationsFor(
  repos: BudgetCheckRepos,
  buyerId: string,
  name: string,
  term: { startsOn: string; endsOn: string },
): Promise<Delegation[]> {
  const years = financialYearsBetween(term.startsOn, term.endsOn);
  const found = await repos.delegations.forConsortium(buyerId, years);
  const missing = years.find((y) => !found.some((d) => d.financialYear === y));
  if (missing) {
    throw new AppError(
      "conflict",
      `No budget or area is delegated to ${name} for ${missing}, and the work runs in it (${term.startsOn} to ${term.endsOn}).`,
    );
  }
  return found;
}

/**
 * Refuses (409) a consortium's signing or award whose commitment, added to what its other signed
 * contracts commit, would exceed the budget delegated for any financial year the term touches,
 * naming the amounts. Only contracts priced by the day can be counted, so only they are signed.
 */
export async function mustFitDelegatedBudget(
  repos: BudgetCheckRepos,
  buyerId: string,
  terms: Commitable,
): Promise<void> {
  const name = await consortiumName(repos, buyerId);
  if (!name) return;
  if (terms.price.basis !== "per-day") {
    throw new AppError(
      "conflict",
      `${name} commissions within a delegated budget: ${terms.reference} must be priced by the day to be counted against it (it is priced ${terms.price.basis}).`,
    );
  }
  const delegations = await delegationsFor(repos, buyerId, name, terms);
  // One signing at a time against a delegated budget.
  for (const d of delegations) await repos.delegations.lock(d.id);
  const signed = (await repos.contracts.list(buyerId, "bought")).filter(
    (c) => c.status !== "draft" && c.id !== terms.id,
  );
  for (const d of delegations) {
    const year = d.financialYear;
    const committed = signed.reduce((sum, c) => sum + countedPence(c, year), 0);
    const asked = commitmentIn({ ...asContract(terms), status: "active" }, year);
    if (!asked.counted || committed + asked.pence <= d.budgetPence) continue;
    const remaining = d.budgetPence - committed;
    throw new AppError(
      "conflict",
      `${terms.reference} would commit ${formatPounds(asked.pence)} in ${year} (${asked.days} weekdays at ${formatPounds(terms.price.pence ?? 0)} a day), more than the ${formatPounds(remaining)} remaining of ${name}'s delegated budget of ${formatPounds(d.budgetPence)} (${formatPounds(committed)} committed).`,
    );
  }
}

const countedPence = (c: Contract, year: string) => {
  const counted = commitmentIn(c, year);
  return counted.counted ? counted.pence : 0;
};

const asContract = (terms: Commitable): Contract => ({
  id: terms.id ?? "",
  buyerId: "",
  operatorId: "",
  title: "",
  funderIds: [],
  vehicleIds: [],
  runs: [],
  breakDates: [],
  status: "active",
  createdAt: "",
  updatedAt: "",
  ...terms,
});

/** The first stop of the run outside one of the areas, with the year whose area it is outside. */
function outsideStop(run: LocatedRun, delegations: readonly Delegation[]) {
  for (const d of delegations) {
    const stop = run.stops.find((s) => !isInArea(d.area, s));
    if (stop) return { stop, year: d.financialYear };
  }
  return undefined;
}

const AREA_PURPOSE = "consortium area: runs' stops checked against the delegated area";

const outside = (path: string, what: string) =>
  new AppError("validation-failed", `${what}: a consortium commissions only within its area.`, [
    { path, message: what },
  ]);

/**
 * Refuses (422) a consortium's competition whose lots hold a run with a stop outside its
 * delegated area (for any financial year of the term), naming the lot, the run and the stop.
 */
export async function mustPutOutWithinArea(
  repos: AreaCheckRepos,
  actor: Actor,
  plan: Pick<StoredPlan, "runs">,
  lots: readonly { name: string; runs: readonly { vehicleId: string; start: number }[] }[],
  term: { startsOn: string; endsOn: string },
): Promise<void> {
  const name = await consortiumName(repos, actor.organisationId);
  if (!name) return;
  const delegations = await delegationsFor(repos, actor.organisationId, name, term);
  const runOf = (r: { vehicleId: string; start: number }) =>
    plan.runs.find((p) => p.vehicleId === r.vehicleId && (p.stops[0]?.start ?? 0) === r.start);
  const planRuns = lots.flatMap((l) => l.runs.map(runOf)).filter((r): r is PlanRun => !!r);
  const located = new Map(
    (await locateRuns(repos, actor, planRuns, AREA_PURPOSE)).map((l) => [l.run, l]),
  );
  for (const [i, lot] of lots.entries()) {
    for (const [j, r] of lot.runs.entries()) {
      const run = located.get(runOf(r) as PlanRun);
      const found = run && outsideStop(run, delegations);
      if (run && found) {
        throw outside(
          `lots.${i}.runs.${j}`,
          `Lot "${lot.name}", run ${run.label}: stop ${found.stop.reference} lies outside the area delegated to ${name} for ${found.year}`,
        );
      }
    }
  }
}

/** How many of the consortium's newest plans a contract's runs are looked for in. */
const PLANS_SEARCHED = 20;

/**
 * Refuses (422) a consortium's contract naming a run that is not one of its plans' runs (as
 * awards name them: "FE-01 07:45–08:50"), or whose stops lie outside its delegated area.
 */
export async function mustContractWithinArea(
  repos: AreaCheckRepos,
  actor: Actor,
  input: Pick<ContractInput, "runs" | "startsOn" | "endsOn">,
): Promise<void> {
  const org = actor.organisationId;
  const name = await consortiumName(repos, org);
  if (!name) return;
  if (input.runs.length === 0) {
    throw outside("runs", "name the runs the contract covers, so that their stops can be checked");
  }
  const delegations = await delegationsFor(repos, org, name, input);
  const runs = await planRunsNamed(repos, org, input.runs);
  const located = await locateRuns(repos, actor, runs, AREA_PURPOSE);
  for (const [k, label] of input.runs.entries()) {
    const run = located.find((l) => l.label === label);
    if (!run) {
      throw outside(
        `runs.${k}`,
        `Run ${label} is not a run of your plans (name it by vehicle and times, e.g. "FE-01 07:45–08:50")`,
      );
    }
    const found = outsideStop(run, delegations);
    if (found) {
      throw outside(
        `runs.${k}`,
        `Run ${label}: stop ${found.stop.reference} lies outside the area delegated to ${name} for ${found.year}`,
      );
    }
  }
}

/** The runs of the organisation's newest plans whose labels a contract names (the newest of each). */
async function planRunsNamed(repos: AreaCheckRepos, org: string, labels: readonly string[]) {
  const headers = await repos.plans.list(org, { offset: 0, limit: PLANS_SEARCHED });
  const wanted = new Set(labels);
  const found = new Map<string, PlanRun>();
  for (const header of headers.items) {
    const runs = (await repos.plans.find(org, header.id))?.runs ?? [];
    const vehicles = await findFleetVehicles(repos, org, [
      ...new Set(runs.map((r) => r.vehicleId)),
    ]);
    for (const run of runs) {
      const label = runLabel(vehicles.get(run.vehicleId)?.reference ?? run.vehicleId, run);
      if (wanted.has(label) && !found.has(label)) found.set(label, run);
    }
    if (found.size === wanted.size) break;
  }
  return [...found.values()];
}
