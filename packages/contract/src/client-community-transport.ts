import type { z } from "@hono/zod-openapi";
import type { commissionOfferSchema, completionSchema } from "./domain";
import type { CommissionPresented, ReconciliationPresented } from "./routes/commissions";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** A plan's trips offered to a group, to answer by `deadline` (`CommissionOffer`). */
export type CommissionOfferBody = z.input<typeof commissionOfferSchema>;
/** A journey recorded against a commission (`CommissionCompletion`). */
export type CompletionBody = z.input<typeof completionSchema>;

const monthQuery = (month: string, group?: string) =>
  new URLSearchParams({ month, ...(group ? { group } : {}) }).toString();

/** The community transport hub: commissions, answers, journeys, disputes, reconciliation. */
export function communityTransportClientMethods(call: Call, base: string) {
  return {
    /** The buyer offers trips of a plan to a community transport group. */
    offerCommissions: async (body: CommissionOfferBody) =>
      (await call<{ items: CommissionPresented[] }>("POST", "/api/commissions", body)).items,
    /** Commissions offered (the buyer) or received (the group) for trips in `month`. */
    commissions: async (side: "offered" | "received", month: string) =>
      (
        await call<{ items: CommissionPresented[] }>(
          "GET",
          `/api/commissions?${new URLSearchParams({ side, month }).toString()}`,
        )
      ).items,
    answerCommission: (id: string, answer: "accept" | "decline") =>
      call<CommissionPresented>("POST", `/api/commissions/${at(id)}/answer`, { answer }),
    recordJourney: (id: string, body: CompletionBody) =>
      call<CommissionPresented>("POST", `/api/commissions/${at(id)}/completion`, body),
    disputeCommission: (id: string, reason: string) =>
      call<CommissionPresented>("POST", `/api/commissions/${at(id)}/dispute`, { reason }),
    /** The month reconciled per buyer and group. */
    reconciliation: (month: string, group?: string) =>
      call<ReconciliationPresented>(
        "GET",
        `/api/community-transport/reconciliation?${monthQuery(month, group)}`,
      ),
    /** The month's payment export as CSV (a link the browser follows with its session). */
    reconciliationCsvUrl: (month: string, group?: string) =>
      `${base}/api/community-transport/reconciliation.csv?${monthQuery(month, group)}`,
  };
}
