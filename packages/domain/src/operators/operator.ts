import { z } from "zod";
import { nameSchema, plainTextSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema } from "../shared/time-of-day";

export const OPERATOR_KINDS = [
  "in-house",
  "bus",
  "coach",
  "taxi",
  "community-transport",
  "volunteer-car-scheme",
  "patient-transport",
] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/** A provider of transport: the council's own fleet, a firm, or a community group. */
export const operatorInputSchema = z.object({
  name: nameSchema,
  kind: z.enum(OPERATOR_KINDS),
  licenceNumber: plainTextSchema(40).optional(),
  licenceExpiry: isoDateSchema.optional(),
  contactEmail: z.email({ message: "expected an email address" }).optional(),
});
export type OperatorInput = z.infer<typeof operatorInputSchema>;

export type Operator = Stored<OperatorInput>;
