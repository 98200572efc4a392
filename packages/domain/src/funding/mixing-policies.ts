/**
 * Mixing policies: which services may not travel together, i.e. may not be on board the same
 * vehicle at the same time. Services not named in a rule may share. Versioned like the
 * entitlement policies: a stored analysis or plan names the version it applied.
 */

/** Services that may not travel together. */
export interface MixingRule {
  readonly services: readonly [string, string];
  /** Why, in words a commissioning officer would use. */
  readonly reason: string;
}

export interface MixingPolicy {
  /** Version of the policy, e.g. "2026-1". */
  readonly version: string;
  readonly rules: readonly MixingRule[];
}

const DORSET =
  "DfT Total Transport pilot review (2018), para 2.34: Dorset found a risk of parental resistance to children on home-to-school services sharing with members of the public.";
const CHILDREN_WITH_ADULTS =
  "Pupils travel only with other pupils and their passenger assistants; the crew's risk assessment and Pupil Travel Information Forms cover pupils, not adults travelling for care or treatment.";

const pupilRules = (pupils: string): MixingRule[] => [
  {
    services: [pupils, "drt"],
    reason: `Pupils do not travel with members of the public on demand-responsive or community transport. ${DORSET}`,
  },
  ...(["adult-day-service", "nepts-outpatient", "nepts-gp", "nepts-dialysis"] as const).map(
    (adult) => ({
      services: [pupils, adult] as const,
      reason: `Pupils do not share with adults on day-centre or hospital trips. ${CHILDREN_WITH_ADULTS}`,
    }),
  ),
];

/**
 * School-age pupils (mainstream and SEND) travel apart from the public and from adults on care
 * or health trips; everything else may share. Post-16 students and adults are not restricted.
 * Patients escorted to a ward, who need the vehicle otherwise empty (Lincolnshire, review para
 * 2.47), are door-through-door requests, not a rule here.
 */
export const MIXING_POLICY_2026: MixingPolicy = {
  version: "2026-1",
  rules: [...pupilRules("send-school"), ...pupilRules("mainstream-school")],
};

/** Every mixing policy version shipped, oldest first. */
export const MIXING_POLICIES: readonly MixingPolicy[] = [MIXING_POLICY_2026];

/** The policy an organisation or partnership starts with until it sets its own. */
export const DEFAULT_MIXING_POLICY: MixingPolicy = MIXING_POLICY_2026;

export function findMixingPolicy(version: string): MixingPolicy | undefined {
  return MIXING_POLICIES.find((policy) => policy.version === version);
}
