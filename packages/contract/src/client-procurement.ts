import type { z } from "@hono/zod-openapi";
import type {
  bidInputSchema,
  competitionInputSchema,
  contractInputSchema,
  handBackSchema,
} from "./domain";
import type {
  BidPresented,
  CompetitionPresented,
  competitionBidsRoute,
} from "./routes/competitions";
import type { ComplianceDocumentView, ComplianceRecordView } from "./routes/compliance";
import type {
  ContractPresented,
  contractAlignmentRoute,
  HandedBackPresented,
  planLotsRoute,
} from "./routes/contracts";
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

/** A contract's terms as the buyer records or rewrites them (`ContractInput`). */
export type ContractBody = z.input<typeof contractInputSchema>;
/** The first day without the contract, and why (ending at a break date, or handing it back). */
export type ContractEnding = z.input<typeof handBackSchema>;
/** The buyer's signed contracts grouped to end together (`GET /api/contracts/alignment`). */
export type ContractAlignmentView = z.infer<
  (typeof contractAlignmentRoute)["responses"][200]["content"]["application/json"]["schema"]
>;

/** What a buyer puts out to competition (`CompetitionInput`). */
export type CompetitionBody = z.input<typeof competitionInputSchema>;
/** An invited operator's sealed bid for a lot (`BidInput`). */
export type BidBody = z.input<typeof bidInputSchema>;
/** How lots are packaged from a plan's runs. */
export type LotRule = CompetitionPresented["rule"];
/** A plan's runs packaged into lots by a rule (`GET /api/plans/{id}/lots`). */
export type PlanLotsView = z.infer<
  (typeof planLotsRoute)["responses"][200]["content"]["application/json"]["schema"]
>;
/** Each lot's bids ranked, best first, with its contract once awarded. */
export type CompetitionEvaluationView = z.infer<
  (typeof competitionBidsRoute)["responses"][200]["content"]["application/json"]["schema"]
>;

/** Compliance documents, the dynamic purchasing system, the contract register and competitions. */
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
    /** Applications your organisation made (`made`) or received as a buyer; `status` filters. */
    dpsApplications: async (
      side: "made" | "received",
      status?: DpsApplicationPresented["status"],
    ) =>
      (
        await call<{ items: DpsApplicationPresented[] }>(
          "GET",
          `/api/dps/applications?side=${side}${status ? `&status=${status}` : ""}`,
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
    /** Contracts your organisation bought, or supplies as the operator, by reference. */
    contracts: async (side: "bought" | "supplied", status?: ContractPresented["status"]) =>
      (
        await call<{ items: ContractPresented[] }>(
          "GET",
          `/api/contracts?side=${side}${status ? `&status=${status}` : ""}`,
        )
      ).items,
    /** How to align the expiry dates of your signed contracts on the end of a school year. */
    contractAlignment: () => call<ContractAlignmentView>("GET", "/api/contracts/alignment"),
    contract: (id: string) => call<ContractPresented>("GET", `/api/contracts/${at(id)}`),
    /** Records a draft (the buyer's commissioners and administrators). */
    recordContract: (body: ContractBody) => call<ContractPresented>("POST", "/api/contracts", body),
    /** Rewrites a draft's terms. */
    updateContract: (id: string, body: ContractBody) =>
      call<ContractPresented>("PUT", `/api/contracts/${at(id)}`, body),
    /** Signs a draft: it prices its vehicles in the buyer's plans while in force. */
    signContract: (id: string) =>
      call<ContractPresented>("POST", `/api/contracts/${at(id)}/status`, { status: "active" }),
    /** The buyer ends the contract at one of its break dates (`endedOn`). */
    endContract: (id: string, ending: ContractEnding) =>
      call<ContractPresented>("POST", `/api/contracts/${at(id)}/status`, {
        status: "terminated",
        ...ending,
      }),
    /** The operator hands the contract back from a day not yet past. */
    handBackContract: (id: string, ending: ContractEnding) =>
      call<HandedBackPresented>("POST", `/api/contracts/${at(id)}/hand-back`, ending),
    /** Competitions your organisation put out (`bought`), or was invited to bid in, newest first. */
    competitions: async (side: "bought" | "invited") =>
      (await call<{ items: CompetitionPresented[] }>("GET", `/api/competitions?side=${side}`))
        .items,
    /** One competition: the buyer sees whom it invited, an invited operator its own bids. */
    competition: (id: string) => call<CompetitionPresented>("GET", `/api/competitions/${at(id)}`),
    /** Puts a plan's lots out to the operators admitted to the buyer's DPS in the categories. */
    putOutCompetition: (body: CompetitionBody) =>
      call<CompetitionPresented>("POST", "/api/competitions", body),
    /** A sealed bid for a lot before the deadline (replacing the last); `unfit` says what it lacks. */
    placeBid: (id: string, body: BidBody) =>
      call<BidPresented>("POST", `/api/competitions/${at(id)}/bids`, body),
    /** The bids ranked per lot, for the buyer once the deadline has passed (409 before). */
    competitionBids: (id: string) =>
      call<CompetitionEvaluationView>("GET", `/api/competitions/${at(id)}/bids`),
    /** The buyer's quality mark of a bid, 0–100. */
    markQuality: (id: string, bidId: string, quality: number) =>
      call<BidPresented>("POST", `/api/competitions/${at(id)}/bids/${at(bidId)}/quality`, {
        quality,
      }),
    /** Awards the lot to the bid: the contract is made and signed; the lots ranked again. */
    awardLot: (id: string, lotId: string, bidId: string) =>
      call<CompetitionEvaluationView>(
        "POST",
        `/api/competitions/${at(id)}/lots/${at(lotId)}/award`,
        { bidId },
      ),
    /** The plan's runs packaged into lots by `rule`, to choose what to put out. */
    planLots: (planId: string, rule: LotRule) =>
      call<PlanLotsView>("GET", `/api/plans/${at(planId)}/lots?rule=${rule}`),
  };
}
