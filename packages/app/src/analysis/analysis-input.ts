import { DEFAULT_MIXING_POLICY, type DomainIssue, isIsoDate } from "@tt/domain";
import { boundedTimeLimit, MAX_TIME_LIMIT_SECONDS } from "../planning";
import { AppError } from "../shared";
import { DEFAULT_SAMPLE_PERMUTATIONS, MAX_EXACT_FUNDERS } from "./model/analyse";
import { parseMixingPolicy } from "./model/mixing-policy";
import type { MixingPolicy } from "./model/types";
import { type FleetAllocation, REGISTER_SERVICES } from "./register-scenario";

/** What `POST /api/analyses/integration` asks for. */
export interface IntegrationAnalysisInput {
  /** The service date, "YYYY-MM-DD". */
  readonly date: string;
  /** Seconds per plan (default 30, at most 600); every coalition gets the same. */
  readonly timeLimitSeconds?: number;
  /** Iterations per plan: with a seed, the same report every time. */
  readonly iterations?: number;
  readonly seed?: number;
  /** Replaces the default policy (`DEFAULT_MIXING_POLICY`). */
  readonly mixingPolicy?: unknown;
  /** Vehicle reference prefix → funder ids whose silo fleets include those vehicles. */
  readonly fleet?: FleetAllocation;
  /** Plans at once (default: the server's setting, cores − 1). */
  readonly parallel?: number;
  /** Only these funders' demand (default: every funder the organisation may analyse). */
  readonly funderIds?: readonly string[];
}

/** The most plans one analysis makes at once. */
export const MAX_ANALYSIS_PARALLEL = 16;

export interface CheckedAnalysisInput {
  readonly date: string;
  readonly timeLimitSeconds: number;
  readonly iterations?: number;
  readonly seed: number;
  readonly mixing: MixingPolicy;
  readonly fleet?: FleetAllocation;
  readonly parallel?: number;
  readonly funderIds?: readonly string[];
}

/**
 * The input checked in full (every problem listed with its field), with defaults: seed 1, a
 * time limit per plan always, the demo's mixing policy. Fleet funder ids must be the
 * organisation's (`funderIds`); the funders chosen must be ones it may analyse (`analysable`,
 * default `funderIds`).
 */
export function checkAnalysisInput(
  input: IntegrationAnalysisInput,
  funderIds: ReadonlySet<string>,
  analysable: ReadonlySet<string> = funderIds,
): CheckedAnalysisInput {
  const issues: DomainIssue[] = [];
  if (!isIsoDate(input.date)) issues.push({ path: "date", message: 'expected "YYYY-MM-DD"' });
  const limit = input.timeLimitSeconds;
  if (limit !== undefined && !(limit > 0 && limit <= MAX_TIME_LIMIT_SECONDS))
    issues.push({ path: "timeLimitSeconds", message: `expected 1 to ${MAX_TIME_LIMIT_SECONDS}` });
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0)
    issues.push({ path: "seed", message: "expected a whole number" });
  for (const [prefix, ids] of Object.entries(input.fleet ?? {})) {
    ids.forEach((id, i) => {
      if (!funderIds.has(id))
        issues.push({
          path: `fleet.${prefix}.${i}`,
          message: `no funder ${id} in your organisation`,
        });
    });
  }
  issues.push(...chosenIssues(input.funderIds, analysable));
  const parallel = input.parallel;
  if (
    parallel !== undefined &&
    !(Number.isInteger(parallel) && parallel >= 1 && parallel <= MAX_ANALYSIS_PARALLEL)
  )
    issues.push({ path: "parallel", message: `expected 1 to ${MAX_ANALYSIS_PARALLEL}` });
  const mixing = policyOf(input.mixingPolicy, issues);
  if (issues.length > 0)
    throw new AppError("validation-failed", "The analysis request is not valid.", issues);
  return {
    date: input.date,
    timeLimitSeconds: boundedTimeLimit(limit),
    ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
    seed,
    mixing,
    ...(input.fleet ? { fleet: input.fleet } : {}),
    ...(parallel === undefined ? {} : { parallel }),
    ...(input.funderIds ? { funderIds: [...new Set(input.funderIds)] } : {}),
  };
}

function chosenIssues(
  chosen: readonly string[] | undefined,
  analysable: ReadonlySet<string>,
): DomainIssue[] {
  if (chosen === undefined) return [];
  if (chosen.length === 0) return [{ path: "funderIds", message: "choose at least one funder" }];
  return chosen.flatMap((id, i) =>
    analysable.has(id)
      ? []
      : [{ path: `funderIds.${i}`, message: `no funder ${id} that you may analyse` }],
  );
}

function policyOf(given: unknown, issues: DomainIssue[]): MixingPolicy {
  if (given === undefined) return DEFAULT_MIXING_POLICY;
  try {
    return parseMixingPolicy(given, REGISTER_SERVICES);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    issues.push(...error.details.map((i) => ({ ...i, path: `mixingPolicy.${i.path}` })));
    return DEFAULT_MIXING_POLICY;
  }
}

/** The most plans an analysis of `funders` funders makes (all coalitions, or sampled orders). */
export function maxPlans(funders: number): number {
  if (funders <= MAX_EXACT_FUNDERS) return 2 ** Math.max(1, funders) - 1;
  return DEFAULT_SAMPLE_PERMUTATIONS * (funders - 1) + 1 + funders;
}
