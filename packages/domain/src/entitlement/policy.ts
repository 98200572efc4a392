import type { DomainIssue } from "../shared/issues";
import type { Confidence, PolicyReference, Regime } from "./types";

/** Every figure a rule reads. Each is data with a source, never a literal in a rule. */
export const PARAMETER_KEYS = [
  "htstWalkLimitUnder8Miles",
  "htstWalkLimitFrom8Miles",
  "htstWalkLimitAge",
  "htstExtendedLowerAge",
  "htstExtendedSecondaryAge",
  "htstExtendedMinWalkMiles",
  "htstExtendedMaxRoadMiles",
  "htstExtendedReligiousMaxRoadMiles",
  "htstExtendedNearestCount",
  "walkingCircuity",
  "roadCircuity",
  "appealWorkingDays",
  "reviewWorkingDays",
  "neptsReviewWorkingDays",
  "ptbPencePerMile",
  "ptbLegsPerDay",
  "schoolDaysPerYear",
  "busPassAnnualPence",
  "travelTrainingPence",
  "communityTransportFarePence",
  "spareSeatAnnualPence",
  "post16MinDistanceMiles",
  "post16ContributionPence",
  "post16LowIncomeContributionPence",
  "neptsEscortChildUnderAge",
  "enctsStartMinutesWeekday",
  "enctsEndMinutesWeekday",
  "enctsPensionAge",
  "ascMinAge",
  "ascMinDistanceMiles",
] as const;
export type ParameterKey = (typeof PARAMETER_KEYS)[number];

export interface Parameter {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/** A local discretionary rule (e.g. s508C): applied only when the statutory rules say no. */
export interface DiscretionaryRule {
  readonly id: string;
  readonly regime: Regime;
  readonly text: string;
  readonly source: string;
  /** The case qualifies when every stated condition holds. */
  readonly when: {
    readonly minAge?: number;
    readonly maxAgeExclusive?: number;
    readonly minWalkingMiles?: number;
    readonly lowIncome?: boolean;
    readonly nearestSuitable?: boolean;
    readonly treatment?: string;
  };
  readonly category: string;
  readonly contributionPence: number;
}

interface PolicyHeader {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** First day in force, "YYYY-MM-DD". */
  readonly effectiveFrom: string;
  /** Last day in force, or null while current. */
  readonly effectiveTo: string | null;
  readonly source: string;
  readonly confidence: Confidence;
}

/** The national rules: every parameter set. */
export interface StatutoryPolicy extends PolicyHeader {
  readonly parameters: Readonly<Record<ParameterKey, Parameter>>;
}

/** An organisation's local policy, layered over the statutory one. */
export interface LocalPolicy extends PolicyHeader {
  readonly organisation: string;
  readonly parameters: Readonly<Partial<Record<ParameterKey, Parameter>>>;
  readonly discretionary: readonly DiscretionaryRule[];
}

export interface ResolvedParameter extends Parameter {
  readonly key: ParameterKey;
  readonly origin: "statutory" | "local";
}

/** The statutory policy with a local policy's overrides applied. */
export interface ResolvedPolicy {
  readonly reference: PolicyReference;
  readonly parameters: Readonly<Record<ParameterKey, ResolvedParameter>>;
  readonly discretionary: readonly DiscretionaryRule[];
}

/** Statutory minimums a local policy may only make more generous. */
const LOWER_IS_MORE_GENEROUS: readonly ParameterKey[] = [
  "htstWalkLimitUnder8Miles",
  "htstWalkLimitFrom8Miles",
  "htstExtendedMinWalkMiles",
];
const HIGHER_IS_MORE_GENEROUS: readonly ParameterKey[] = [
  "htstExtendedMaxRoadMiles",
  "htstExtendedReligiousMaxRoadMiles",
  "htstExtendedNearestCount",
  "appealWorkingDays",
];

/** Problems with a local policy: overrides that would fall below the statutory minimum. */
export function checkLocalPolicy(statutory: StatutoryPolicy, local: LocalPolicy): DomainIssue[] {
  const issues: DomainIssue[] = [];
  for (const key of PARAMETER_KEYS) {
    const override = local.parameters[key];
    if (!override) continue;
    const floor = statutory.parameters[key].value;
    if (LOWER_IS_MORE_GENEROUS.includes(key) && override.value > floor)
      issues.push({ path: `parameters.${key}`, message: `must be at most ${floor} (statutory)` });
    if (HIGHER_IS_MORE_GENEROUS.includes(key) && override.value < floor)
      issues.push({ path: `parameters.${key}`, message: `must be at least ${floor} (statutory)` });
  }
  return issues;
}

/** Layers `local` over `statutory`; throws when the local policy undercuts the statute. */
export function resolvePolicy(statutory: StatutoryPolicy, local?: LocalPolicy): ResolvedPolicy {
  if (local) {
    const issues = checkLocalPolicy(statutory, local);
    if (issues.length > 0)
      throw new Error(
        `local policy ${local.id} undercuts the statutory rules: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
      );
  }
  const parameters = {} as Record<ParameterKey, ResolvedParameter>;
  for (const key of PARAMETER_KEYS) {
    const override = local?.parameters[key];
    parameters[key] = override
      ? { ...override, key, origin: "local" }
      : { ...statutory.parameters[key], key, origin: "statutory" };
  }
  return {
    reference: {
      id: statutory.id,
      version: statutory.version,
      localId: local?.id ?? null,
      localVersion: local?.version ?? null,
    },
    parameters,
    discretionary: local?.discretionary ?? [],
  };
}

/** True when the policy is in force on `date` ("YYYY-MM-DD"). */
export function isInForce(policy: PolicyHeader, date: string): boolean {
  return (
    policy.effectiveFrom <= date && (policy.effectiveTo === null || date <= policy.effectiveTo)
  );
}
