import { z } from "zod";
import {
  DEFAULT_MIXING_POLICY,
  findMixingPolicy,
  type MixingPolicy,
} from "../funding/mixing-policies";
import { idSchema, nameSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { distinctListSchema } from "./lists";

/**
 * A partnership: organisations that plan together (a county, its city, the ICB, …). Its mixing
 * policy is named by version, as a stored analysis names the one it applied.
 */
export const partnershipInputSchema = z.object({
  name: nameSchema,
  /** The member organisations' ids: at least two, each once. */
  members: distinctListSchema(
    idSchema,
    "members",
    2,
    "a partnership needs at least 2 member organisations",
  ),
  /** The version of the mixing policy the partnership plans with, e.g. "2026-1". */
  mixingPolicy: z
    .string()
    .trim()
    .refine((version) => findMixingPolicy(version) !== undefined, {
      message: 'expected the version of a known mixing policy, e.g. "2026-1"',
    })
    .default(DEFAULT_MIXING_POLICY.version),
});
export type PartnershipInput = z.infer<typeof partnershipInputSchema>;

export type Partnership = Stored<PartnershipInput>;

/** The mixing policy a partnership plans with; throws when its version is not shipped. */
export function getPartnershipMixingPolicy(
  partnership: Pick<PartnershipInput, "mixingPolicy">,
): MixingPolicy {
  const policy = findMixingPolicy(partnership.mixingPolicy);
  if (!policy) throw new Error(`unknown mixing policy version "${partnership.mixingPolicy}"`);
  return policy;
}
