import { SERVICES } from "@tt/domain";
import type { Problem } from "@tt/solver";
import { z } from "zod";
import { mixRequest as mix, forbiddenPartners as partnersOf } from "../../planning";
import { AppError, toIssues } from "../../shared";
import type { MixingPolicy, RequestTag } from "./types";

export { forbiddenPartners, mixRequest, serviceGroup } from "../../planning";

/**
 * Mixing policy: which services may not travel together, i.e. may not be on board the same
 * vehicle at the same time (the solver's `incompatibleGroups`). Services not named in a rule may
 * share. A passenger who needs the vehicle otherwise empty (escorted to the ward) is not a rule
 * here: that is the request's own `doorThroughDoor` flag.
 */

/**
 * Schema for a mixing policy whose services must all be among `knownServices`. Errors name the
 * rule index (0-based, as in the path): an unknown service, a service paired with itself, or a
 * pair already given by an earlier rule (in either order).
 */
export function mixingPolicySchema(knownServices: readonly string[] = SERVICES) {
  const known = new Set(knownServices);
  const rule = z.object({
    services: z.tuple([z.string().trim().min(1), z.string().trim().min(1)]),
    reason: z.string().trim().min(1, "give the reason a commissioning officer would give"),
  });
  return z
    .object({ version: z.string().trim().min(1), rules: z.array(rule) })
    .superRefine((policy, ctx) => {
      const seen = new Map<string, number>();
      policy.rules.forEach((r, i) => {
        const [a, b] = r.services;
        for (const [j, s] of [a, b].entries()) {
          if (!known.has(s)) {
            ctx.addIssue({
              code: "custom",
              path: ["rules", i, "services", j],
              message: `rules[${i}]: unknown service "${s}"; expected one of ${[...known].join(", ")}`,
            });
          }
        }
        if (a === b) {
          ctx.addIssue({
            code: "custom",
            path: ["rules", i, "services"],
            message: `rules[${i}]: pairs "${a}" with itself; a service always travels with itself`,
          });
          return;
        }
        const key = pairKey(a, b);
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["rules", i, "services"],
            message: `rules[${i}]: repeats rules[${first}] ("${a}" with "${b}")`,
          });
        } else seen.set(key, i);
      });
    });
}

/** Validates an untrusted policy or throws `validation-failed` listing every problem. */
export function parseMixingPolicy(
  input: unknown,
  knownServices: readonly string[] = SERVICES,
): MixingPolicy {
  const result = mixingPolicySchema(knownServices).safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  const list = issues.map((i) =>
    i.message.startsWith("rules[") ? i.message : `${i.path}: ${i.message}`,
  );
  throw new AppError(
    "validation-failed",
    `The mixing policy is not valid: ${list.join("; ")}`,
    issues,
  );
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The tag of request `id`, or an error naming it. */
export function requestTag(tags: Readonly<Record<string, RequestTag>>, id: string): RequestTag {
  const tag = tags[id];
  if (!tag) throw new Error(`request "${id}" has no funder/service tag`);
  return tag;
}

/**
 * A new problem whose requests carry the policy: each is in group `service:<name>` and may not
 * share with the groups of the services its own may not travel with. Existing groups and
 * incompatibilities are kept; the input is not changed; locations and matrices are shared.
 */
export function applyMixingPolicy(
  problem: Problem,
  requests: Readonly<Record<string, RequestTag>>,
  policy: MixingPolicy,
): Problem {
  const partners = partnersOf(policy);
  return {
    ...problem,
    requests: problem.requests.map((r) => mix(r, requestTag(requests, r.id).service, partners)),
  };
}
