import { z } from "zod";
import { idSchema, nameSchema, referenceSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema } from "../shared/time-of-day";
import { ARTICLE_6_BASES, ARTICLE_9_CONDITIONS, needsArticle9 } from "./lawful-basis";
import { distinctListSchema } from "./lists";
import { DATA_ITEMS, SHARING_PURPOSES } from "./purposes";

/** A draft becomes active once every party approves; ended is final. */
export const AGREEMENT_STATUSES = ["draft", "active", "suspended", "ended"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The Caldicott guardian's sign-off, needed before health data is shared. */
export const caldicottApprovalSchema = z.object({
  guardianName: nameSchema,
  approvedOn: isoDateSchema,
});

export const lawfulBasisSchema = z.object({
  article6: z.enum(ARTICLE_6_BASES),
  /** The Article 9 condition, needed when health data is shared. */
  article9: z.enum(ARTICLE_9_CONDITIONS).optional(),
});

/**
 * A data-sharing agreement: providers let recipients reach the listed data items for the listed
 * purposes, between the start and end dates, on a stated lawful basis.
 */
export const agreementInputSchema = z
  .object({
    reference: referenceSchema,
    title: nameSchema,
    partnershipId: idSchema.optional(),
    /** Organisations whose data is shared. */
    providers: distinctListSchema(idSchema, "providers", 1, "name at least 1 provider"),
    /** Organisations that receive access. */
    recipients: distinctListSchema(idSchema, "recipients", 1, "name at least 1 recipient"),
    purposes: distinctListSchema(
      z.enum(SHARING_PURPOSES),
      "purposes",
      1,
      "name at least 1 purpose",
    ),
    dataItems: distinctListSchema(z.enum(DATA_ITEMS), "dataItems", 1, "name at least 1 data item"),
    lawfulBasis: lawfulBasisSchema,
    caldicottApproval: caldicottApprovalSchema.optional(),
    startDate: isoDateSchema,
    reviewDate: isoDateSchema,
    endDate: isoDateSchema,
  })
  .superRefine((agreement, ctx) => {
    const providers = new Set(agreement.providers);
    agreement.recipients.forEach((id, index) => {
      if (!providers.has(id)) return;
      ctx.addIssue({
        code: "custom",
        path: ["recipients", index],
        message: `organisation "${id}" is both a provider and a recipient: an organisation does not need an agreement with itself`,
      });
    });
  })
  .superRefine((agreement, ctx) => {
    const { startDate, reviewDate, endDate } = agreement;
    if (reviewDate < startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["reviewDate"],
        message: "reviewDate must not be before startDate",
      });
    }
    if (endDate < reviewDate || endDate < startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: `endDate must not be before ${endDate < startDate ? "startDate" : "reviewDate"}`,
      });
    }
  })
  .superRefine((agreement, ctx) => {
    if (!needsArticle9(agreement.dataItems)) return;
    if (!agreement.lawfulBasis.article9) {
      ctx.addIssue({
        code: "custom",
        path: ["lawfulBasis", "article9"],
        message:
          "health-detail is special category data: name the Article 9 condition in lawfulBasis.article9",
      });
    }
    if (!agreement.caldicottApproval) {
      ctx.addIssue({
        code: "custom",
        path: ["caldicottApproval"],
        message:
          "health-detail needs the Caldicott guardian's approval: give caldicottApproval (guardianName, approvedOn)",
      });
    }
  });
export type AgreementInput = z.infer<typeof agreementInputSchema>;

/** One party's approval: the organisation, the user who approved for it, and when (ISO timestamp). */
export interface AgreementApproval {
  readonly organisationId: string;
  readonly userId: string;
  readonly approvedAt: string;
}

export type Agreement = Stored<AgreementInput> & {
  readonly status: AgreementStatus;
  readonly approvals: readonly AgreementApproval[];
  /** The `SHARING_PURPOSES_VERSION` the agreement was made under. */
  readonly purposesVersion: number;
};
