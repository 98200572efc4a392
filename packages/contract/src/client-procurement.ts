import type { ComplianceDocumentView, ComplianceRecordView } from "./routes/compliance";
import type { DpsApplicationPresented } from "./routes/dps";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** A document as recorded: the API checks it again. */
export interface ComplianceDocumentBody {
  readonly kind: ComplianceDocumentView["kind"];
  readonly vehicleId?: string;
  readonly issuer: string;
  readonly number: string;
  readonly validFrom?: string;
  readonly expiresOn: string;
}

export type DpsDecision = "admitted" | "refused" | "suspended";

/** Compliance documents and the dynamic purchasing system. */
export function procurementClientMethods(call: Call) {
  return {
    /** Your organisation's documents, with warnings and what has lapsed today. */
    complianceRecord: () => call<ComplianceRecordView>("GET", "/api/compliance-documents"),
    recordComplianceDocument: (body: ComplianceDocumentBody) =>
      call<ComplianceDocumentView>("POST", "/api/compliance-documents", body),
    deleteComplianceDocument: (id: string) =>
      call<void>("DELETE", `/api/compliance-documents/${at(id)}`),
    /** The organisations whose DPS an operator may apply to. */
    dpsBuyers: async () =>
      (await call<{ items: { id: string; name: string }[] }>("GET", "/api/dps/buyers")).items,
    /** Applications your organisation made (`made`) or received as a buyer. */
    dpsApplications: async (side: "made" | "received") =>
      (
        await call<{ items: DpsApplicationPresented[] }>(
          "GET",
          `/api/dps/applications?side=${side}`,
        )
      ).items,
    applyToDps: (buyerId: string, categories: readonly string[]) =>
      call<DpsApplicationPresented>("POST", "/api/dps/applications", { buyerId, categories }),
    decideDpsApplication: (id: string, status: DpsDecision, reason?: string) =>
      call<DpsApplicationPresented>("POST", `/api/dps/applications/${at(id)}/decision`, {
        status,
        ...(reason ? { reason } : {}),
      }),
    withdrawDpsApplication: (id: string) =>
      call<DpsApplicationPresented>("POST", `/api/dps/applications/${at(id)}/withdrawal`),
    /** An applicant's documents, for the buyer it applied to. */
    applicantCompliance: (operatorId: string) =>
      call<ComplianceRecordView>("GET", `/api/dps/applicants/${at(operatorId)}/compliance`),
  };
}
