import { type FunderKind, findMixingPolicy, type MixingPolicy, type MixingRule } from "@tt/domain";
import type { Problem } from "@tt/solver";
import type { UnitOfWorkOf } from "../ports";
import type { DayRegister } from "./build-problem";
import { serviceOf, withMixingPolicy } from "./mixing";

/** What finding and applying the day's mixing policy reads. */
export type DayMixingRepositories = UnitOfWorkOf<"sharing" | "funders">["repositories"];

/**
 * The mixing policy an organisation's day plans keep to: that of the partnerships it is a member
 * of (every one's rules together, when it is in several), or none outside a partnership.
 */
export async function mixingPolicyOf(
  repos: DayMixingRepositories,
  organisationId: string,
): Promise<MixingPolicy | undefined> {
  const memberships = await repos.sharing.listMemberships(organisationId);
  const policies = memberships.flatMap((p) => {
    const policy = findMixingPolicy(p.mixingPolicy);
    return policy ? [policy] : [];
  });
  if (policies.length === 0) return undefined;
  if (policies.length === 1) return policies[0];
  const rules = new Map<string, MixingRule>();
  for (const rule of policies.flatMap((p) => p.rules)) {
    rules.set([...rule.services].sort().join("\u0000"), rule);
  }
  const version = [...new Set(policies.map((p) => p.version))].join("+");
  return { version, rules: [...rules.values()] };
}

/**
 * The day's Problem with the organisation's mixing policy on every request (each by its trip's
 * service), and the policy's version; the Problem unchanged when no policy applies.
 */
export async function mixDay(
  repos: DayMixingRepositories,
  organisationId: string,
  register: DayRegister,
  problem: Problem,
): Promise<{ problem: Problem; mixingPolicy?: string }> {
  const policy = await mixingPolicyOf(repos, organisationId);
  if (!policy) return { problem };
  const funderIds = [...new Set(register.tripRequests.map((t) => t.funderId))];
  const kinds = new Map(
    (await repos.funders.findByIds(organisationId, funderIds)).map((f) => [f.id, f.kind]),
  );
  return mixRegister(policy, register, problem, kinds);
}

/**
 * The Problem with `policy` on every request, each by its trip's service (its purpose and its
 * funder's kind, from `funderKinds` by funder id).
 */
export function mixRegister(
  policy: MixingPolicy,
  register: DayRegister,
  problem: Problem,
  funderKinds: ReadonlyMap<string, FunderKind>,
): { problem: Problem; mixingPolicy: string } {
  const trips = new Map(register.tripRequests.map((t) => [t.id, t]));
  const service = (id: string) => {
    const trip = trips.get(id);
    return trip ? serviceOf(trip.purpose, funderKinds.get(trip.funderId)) : undefined;
  };
  return { problem: withMixingPolicy(problem, service, policy), mixingPolicy: policy.version };
}
