import { z } from "zod";

/** The kinds of body that share one installation. */
export const ORGANISATION_KINDS = [
  "council",
  "nhs-body",
  "operator",
  "community-transport",
  "local-consortium",
  "partnership",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisationInputSchema = z.object({
  name: z.string().trim().min(1, { message: "name is required" }).max(200),
  kind: z.enum(ORGANISATION_KINDS),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
