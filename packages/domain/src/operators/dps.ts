import { z } from "zod";
import type { OrganisationKind } from "../organisations/organisation";
import { idSchema, plainTextSchema } from "../shared/schemas";

/**
 * The categories of a dynamic purchasing system (DPS) an operator applies to: what it can supply.
 * Mini-competitions invite the operators admitted to the categories a lot needs.
 */
export const DPS_CATEGORIES = [
  "minibus",
  "wheelchair-accessible",
  "taxi",
  "coach",
  "community-car",
  "passenger-assistant-supply",
] as const;
export type DpsCategory = (typeof DPS_CATEGORIES)[number];

/**
 * Where an application stands: `applied` until the buyer decides; `admitted` (may be invited to
 * competitions) or `refused`; an admitted operator may be `suspended` and admitted again; the
 * operator may `withdraw` an application not refused.
 */
export const DPS_APPLICATION_STATUSES = [
  "applied",
  "admitted",
  "refused",
  "suspended",
  "withdrawn",
] as const;
export type DpsApplicationStatus = (typeof DPS_APPLICATION_STATUSES)[number];

/** Organisations that buy transport through a DPS, and those that supply it. */
export const DPS_BUYER_KINDS: readonly OrganisationKind[] = [
  "council",
  "nhs-body",
  "partnership",
  "local-consortium",
];
export const DPS_SUPPLIER_KINDS: readonly OrganisationKind[] = ["operator", "community-transport"];

export const dpsApplicationInputSchema = z.object({
  /** The organisation whose DPS the operator applies to join. */
  buyerId: idSchema,
  categories: z
    .array(z.enum(DPS_CATEGORIES))
    .min(1, { message: "choose at least one category" })
    .max(DPS_CATEGORIES.length)
    .refine((c) => new Set(c).size === c.length, { message: "a category is listed twice" }),
});
export type DpsApplicationInput = z.infer<typeof dpsApplicationInputSchema>;

/** The buyer's decision; a refusal or suspension says why (the operator reads it). */
export const dpsDecisionInputSchema = z
  .object({
    status: z.enum(["admitted", "refused", "suspended"]),
    reason: plainTextSchema(500).optional(),
  })
  .refine((d) => d.status === "admitted" || (d.reason ?? "").length > 0, {
    message: "say why, for a refusal or a suspension",
    path: ["reason"],
  });
export type DpsDecisionInput = z.infer<typeof dpsDecisionInputSchema>;

export interface DpsApplication {
  readonly id: string;
  /** The applicant. */
  readonly operatorId: string;
  readonly buyerId: string;
  readonly categories: readonly DpsCategory[];
  readonly status: DpsApplicationStatus;
  readonly reason?: string;
  /** When the buyer last decided, and who. */
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The statuses each status may move to, and who moves it: the buyer decides, the operator withdraws. */
const MOVES: Readonly<Record<DpsApplicationStatus, readonly DpsApplicationStatus[]>> = {
  applied: ["admitted", "refused", "withdrawn"],
  admitted: ["suspended", "withdrawn"],
  suspended: ["admitted", "withdrawn"],
  refused: [],
  withdrawn: [],
};

/** Why the application cannot move from its status to `to`, or undefined when it can. */
export function findDpsMoveRefusal(
  from: DpsApplicationStatus,
  to: DpsApplicationStatus,
): string | undefined {
  if (MOVES[from].includes(to)) return undefined;
  return `an application ${from} cannot become ${to}`;
}

/** True while the application stands: the operator may not apply to the same buyer again. */
export function isOpenApplication(status: DpsApplicationStatus): boolean {
  return status === "applied" || status === "admitted" || status === "suspended";
}
