import type { AnalysableFundersView } from "./routes/analyses";
import type { AgreementViewBody, PartnershipView } from "./routes/sharing";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** What an administrator may make of an agreement: activate, suspend or end it. */
export type AgreementStatusChange = "active" | "suspended" | "ended";

/** Partnerships and data-sharing agreements, and the funders an analysis may plan. */
export function sharingClientMethods(call: Call) {
  return {
    /** The partnership you sign in to, or those your organisation is a member of. */
    listPartnerships: async (): Promise<PartnershipView[]> =>
      (await call<{ items: PartnershipView[] }>("GET", "/api/partnerships")).items,
    /** The agreements your organisation is a party to, with who has still to approve. */
    listAgreements: async (): Promise<AgreementViewBody[]> =>
      (await call<{ items: AgreementViewBody[] }>("GET", "/api/agreements")).items,
    /** Approves the agreement for your own organisation (administrators). */
    approveAgreement: (id: string) =>
      call<AgreementViewBody>("POST", `/api/agreements/${at(id)}/approve`),
    /** Activates, suspends or ends the agreement (administrators). */
    changeAgreementStatus: (id: string, status: AgreementStatusChange, reason?: string) =>
      call<AgreementViewBody>("POST", `/api/agreements/${at(id)}/status`, {
        status,
        ...(reason ? { reason } : {}),
      }),
    /** The funders an integration analysis of yours may plan, by organisation. */
    analysableFunders: () =>
      call<AnalysableFundersView>("GET", "/api/analyses/integration/funders"),
  };
}
