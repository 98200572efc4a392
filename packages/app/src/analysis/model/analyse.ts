import { performance } from "node:perf_hooks";
import { evaluate } from "@tt/solver";
import type { SolveRunner } from "../../planning";
import { AppError } from "../../shared";
import type { AnalysisParts } from "./analysis-parts";
import { coalitionKey } from "./coalition-problem";
import { allCoalitions, solveCoalitions, withSiloAndPooled } from "./coalition-solves";
import { defaultAnalysisParts } from "./default-parts";
import { groupIdenticalTrips } from "./group-trips";
import {
  coalitionMasksFor,
  grandCoalition,
  samplePermutations,
  shapleyExact,
  shapleySampled,
} from "./shapley";
import type {
  CostShares,
  IntegrationReport,
  IntegrationScenario,
  PlanMetrics,
  SolvedPlan,
} from "./types";

/** Up to this many funders the Shapley value is exact (all 2^n − 1 coalitions are planned). */
export const MAX_EXACT_FUNDERS = 6;
/** Orders sampled for the Shapley value above that, unless told. */
export const DEFAULT_SAMPLE_PERMUTATIONS = 20;
/** Trips tested per pair of services for the overlap, unless told. */
export const DEFAULT_OVERLAP_SAMPLE = 100;
/** The most funders an analysis takes (coalitions are bitmasks). */
export const MAX_FUNDERS = 30;

export interface AnalyseOptions {
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly iterations?: number;
  /** Coalition solves at once (default: cores − 1, at least 1). */
  readonly parallel?: number;
  /** Orders sampled for the Shapley value when there are more than six funders. */
  readonly samplePermutations?: number;
  /** Trips tested per pair of services for the overlap. */
  readonly overlapSample?: number;
  readonly onProgress?: (fraction: number, message: string) => void;
  /** Where the engine runs (default: worker threads). */
  readonly runner?: SolveRunner;
  /** The analysis' building blocks (default: the modules of this folder). */
  readonly parts?: AnalysisParts;
}

export interface IntegrationAnalysis {
  readonly report: IntegrationReport;
  readonly silo: Record<string, SolvedPlan>;
  readonly pooled: SolvedPlan;
}

/** Share of the progress bar the coalition solves take; the rest is checks and figures. */
const SOLVE_SHARE = 0.95;

/**
 * Silo versus pooled planning for a scenario: plans every coalition of funders that the cost
 * shares need (each funder alone = the silo plans, all together = the pooled plan) with the same
 * engine, seed, budget and travel times; checks every plan with `evaluate()` and the mixing policy;
 * and reports indicators, savings, cost shares, overlap and peak vehicles. Method:
 * docs/integration-analysis.md.
 */
export async function analyseIntegration(
  given: IntegrationScenario,
  options: AnalyseOptions,
): Promise<IntegrationAnalysis> {
  const started = performance.now();
  const scenario = groupIdenticalTrips(given);
  const parts = options.parts ?? defaultAnalysisParts;
  const players = checkFunders(scenario);
  const n = players.length;
  const report = (fraction: number, message: string) => options.onProgress?.(fraction, message);
  const orders = sampledOrders(n, options);
  const plans = await planCoalitions(scenario, players, orders, options, parts);
  report(SOLVE_SHARE, "checking the plans and measuring them");
  const checked = checkPlans(scenario, plans, players, parts);
  const grand = plans.get(grandCoalition(n)) as SolvedPlan;
  const silo = Object.fromEntries(players.map((p, i) => [p, plans.get(1 << i) as SolvedPlan]));
  const figures = measure(scenario, silo, grand, parts);
  const overlap = await parts.overlap(scenario, silo, {
    samplePerPair: options.overlapSample ?? DEFAULT_OVERLAP_SAMPLE,
    seed: options.seed,
  });
  const solutions = Object.fromEntries(players.map((p) => [p, silo[p]?.solution]));
  const result: IntegrationReport = {
    scenario: { name: scenario.name, date: scenario.date, mixingPolicy: scenario.mixing.version },
    settings: settingsOf(options),
    funders: scenario.funders,
    ...figures,
    savings: parts.savings(figures.siloTotal, figures.pooled),
    shares: shareCosts(players, checked.objective, figures, orders, parts),
    overlap,
    peakVehicles: parts.peakVehicles({ ...solutions, pooled: grand.solution }),
    violations: checked.violations,
    violationDetails: checked.details,
    coalitions: checked.coalitions,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  report(1, "analysis done");
  return { report: result, silo, pooled: grand };
}

/** Sampled orders of the funders when there are too many for the exact Shapley value. */
function sampledOrders(n: number, options: AnalyseOptions): number[][] | undefined {
  if (n <= MAX_EXACT_FUNDERS) return undefined;
  const count = options.samplePermutations ?? DEFAULT_SAMPLE_PERMUTATIONS;
  return samplePermutations(n, count, options.seed);
}

/** Plans every coalition the shares need (all, or those of the sampled orders). */
function planCoalitions(
  scenario: IntegrationScenario,
  players: readonly string[],
  orders: readonly (readonly number[])[] | undefined,
  options: AnalyseOptions,
  parts: AnalysisParts,
): Promise<Map<number, SolvedPlan>> {
  const n = players.length;
  const masks = withSiloAndPooled(n, orders ? coalitionMasksFor(orders) : allCoalitions(n));
  options.onProgress?.(0, `planning ${masks.length} coalitions of ${n} funders`);
  const perFunder = requestsPerFunder(scenario, players);
  const source = {
    problem: (mask: number) => parts.coalitionProblem(scenario, membersOf(players, mask)),
    label: (mask: number) => coalitionKey(membersOf(players, mask)),
    size: (mask: number) => perFunder.reduce((sum, k, i) => (mask & (1 << i) ? sum + k : sum), 0),
  };
  return solveCoalitions(masks, source, {
    ...options,
    onProgress: (fraction, message) => options.onProgress?.(fraction * SOLVE_SHARE, message),
  });
}

/** How many of the scenario's requests each funder pays for, in the order of `players`. */
function requestsPerFunder(scenario: IntegrationScenario, players: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const r of scenario.problem.requests) {
    const funder = scenario.requests[r.id]?.funder;
    if (funder !== undefined) counts.set(funder, (counts.get(funder) ?? 0) + 1);
  }
  return players.map((p) => counts.get(p) ?? 0);
}

function checkFunders(scenario: IntegrationScenario): string[] {
  const players = scenario.funders.map((f) => f.key);
  const issues = [];
  if (players.length === 0) issues.push({ path: "funders", message: "name at least one funder" });
  if (players.length > MAX_FUNDERS)
    issues.push({ path: "funders", message: `at most ${MAX_FUNDERS} funders` });
  const repeated = players.filter((p, i) => players.indexOf(p) !== i);
  for (const key of new Set(repeated))
    issues.push({ path: "funders", message: `funder key "${key}" is given twice` });
  if (issues.length > 0)
    throw new AppError("validation-failed", "The analysis scenario is not valid.", issues);
  return players;
}

/** The funder keys of a coalition, in the scenario's order. */
export function membersOf(players: readonly string[], mask: number): string[] {
  return players.filter((_, i) => mask & (1 << i));
}

interface CheckedPlans {
  readonly objective: (mask: number) => number;
  readonly violations: number;
  readonly details: string[];
  readonly coalitions: Record<string, number>;
}

const MAX_DETAILS = 50;

/** Evaluates every plan again: its objective, and violations of constraints and mixing policy. */
function checkPlans(
  scenario: IntegrationScenario,
  plans: ReadonlyMap<number, SolvedPlan>,
  players: readonly string[],
  parts: AnalysisParts,
): CheckedPlans {
  const objectives = new Map<number, number>();
  const coalitions: Record<string, number> = {};
  let violations = 0;
  const details: string[] = [];
  for (const [mask, plan] of plans) {
    const key = coalitionKey(membersOf(players, mask));
    const evaluation = evaluate(plan.problem, plan.solution);
    const sharing = parts.forbiddenSharing(scenario, plan.solution);
    violations += evaluation.violations.length + sharing;
    for (const v of evaluation.violations) details.push(`${key}: ${v.constraint}: ${v.message}`);
    if (sharing > 0) details.push(`${key}: mixing policy: ${sharing} forbidden pairs on board`);
    objectives.set(mask, evaluation.objective);
    coalitions[key] = round2(evaluation.objective);
  }
  const objective = (mask: number) => {
    const value = objectives.get(mask);
    if (value === undefined) throw new Error(`analyse: coalition ${mask} was not planned`);
    return value;
  };
  return { objective, violations, details: details.slice(0, MAX_DETAILS), coalitions };
}

interface Figures {
  readonly silo: Record<string, PlanMetrics>;
  readonly siloTotal: PlanMetrics;
  readonly pooled: PlanMetrics;
  readonly pooledByFunder: Record<string, PlanMetrics>;
}

function measure(
  scenario: IntegrationScenario,
  silo: Record<string, SolvedPlan>,
  grand: SolvedPlan,
  parts: AnalysisParts,
): Figures {
  const keys = Object.keys(silo);
  const siloMetrics = Object.fromEntries(
    keys.map((k) => [k, parts.metrics(scenario, silo[k] as SolvedPlan)]),
  );
  return {
    silo: siloMetrics,
    siloTotal: parts.sumMetrics(Object.values(siloMetrics)),
    pooled: parts.metrics(scenario, grand),
    pooledByFunder: Object.fromEntries(keys.map((k) => [k, parts.metrics(scenario, grand, k)])),
  };
}

function shareCosts(
  players: readonly string[],
  objective: (mask: number) => number,
  figures: Figures,
  orders: readonly (readonly number[])[] | undefined,
  parts: AnalysisParts,
): CostShares {
  const sampled = orders ? shapleySampled(players, orders, objective) : undefined;
  const shapley = sampled ? sampled.shares : shapleyExact(players, objective);
  return parts.costShares({
    players,
    pooledCost: objective(grandCoalition(players.length)),
    standalone: Object.fromEntries(players.map((p, i) => [p, objective(1 << i)])),
    passengerKm: Object.fromEntries(
      players.map((p) => [p, figures.pooledByFunder[p]?.passengerKm ?? 0]),
    ),
    shapley,
    method: sampled ? "sampled" : "exact",
    ...(sampled ? { standardError: sampled.standardError } : {}),
  });
}

function settingsOf(options: AnalyseOptions): IntegrationReport["settings"] {
  return {
    seed: options.seed,
    ...(options.timeLimitSeconds === undefined
      ? {}
      : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
