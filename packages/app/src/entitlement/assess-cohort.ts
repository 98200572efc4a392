import {
  assessResolved,
  type CohortPupil,
  cohortCase,
  type EntitlementDecision,
  type LocalPolicy,
  type RegisterSchool,
  resolvePolicy,
  type StatutoryPolicy,
} from "@tt/domain";

export interface CohortOptions {
  readonly policy: StatutoryPolicy;
  readonly localPolicy?: LocalPolicy;
  readonly assessedOn: string;
}

export interface CohortResult {
  readonly decisions: readonly {
    readonly pupilId: string;
    readonly decision: EntitlementDecision;
  }[];
  readonly summary: {
    readonly pupils: number;
    readonly eligible: number;
    readonly estimated: number;
    readonly byCategory: Readonly<Record<string, number>>;
  };
}

/**
 * Assesses every pupil of a cohort for home to school transport against the school register:
 * nearest suitable schools by phase, age range, type and SEN provision, distances estimated from
 * coordinates. Pure: nothing is stored.
 */
export function assessCohort(
  pupils: readonly CohortPupil[],
  register: readonly RegisterSchool[],
  options: CohortOptions,
): CohortResult {
  const policy = resolvePolicy(options.policy, options.localPolicy);
  const byCategory: Record<string, number> = {};
  let eligible = 0;
  let estimated = 0;
  const decisions = pupils.map((pupil) => {
    const decision = assessResolved(cohortCase(pupil, register), policy, options.assessedOn);
    byCategory[decision.category] = (byCategory[decision.category] ?? 0) + 1;
    if (decision.eligible) eligible += 1;
    if (decision.estimated) estimated += 1;
    return { pupilId: pupil.id, decision };
  });
  return { decisions, summary: { pupils: pupils.length, eligible, estimated, byCategory } };
}
