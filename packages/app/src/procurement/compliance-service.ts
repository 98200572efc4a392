import {
  type ComplianceDocument,
  complianceDocumentInputSchema,
  type ExpiryWarning,
  type LapsedDocument,
  listExpiryWarnings,
  listLapsedDocuments,
} from "@tt/domain";
import { londonDate } from "../entitlement";
import { type Clock, type SentExpiryWarning, systemClock, type UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";

/** What keeping compliance documents reads and writes. */
export type ComplianceUnitOfWork = UnitOfWorkOf<"compliance" | "vehicles" | "audit">;

/** An organisation's documents, with what needs doing about them today. */
export interface ComplianceRecord {
  /** Today, "YYYY-MM-DD", as the warnings count it. */
  readonly today: string;
  readonly documents: readonly ComplianceDocument[];
  /** Each subject's latest document expiring within 60 days, or lapsed, soonest first. */
  readonly warnings: readonly ExpiryWarning[];
  /** Lapsed today: the vehicles they are about (or all, for the organisation's) are not planned. */
  readonly lapsed: readonly LapsedDocument[];
  /** The vehicles the documents name, by id: their references. */
  readonly vehicles: Readonly<Record<string, string>>;
}

/** The record as its holder lists it, with the expiry warnings already emailed. */
export interface ComplianceListing extends ComplianceRecord {
  readonly sent: readonly SentExpiryWarning[];
}

/**
 * Compliance documents an organisation keeps about itself and its vehicles: an operator's
 * licence, permits, insurance, MOTs. Each lapsed one holds back the vehicles it covers from every
 * day plan (`dayFleet`). Operators, commissioners and administrators record them; finance and
 * auditors read them. Every change is audited.
 */
export class ComplianceService {
  constructor(
    private readonly unitOfWork: ComplianceUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async record(actor: Actor, input: unknown): Promise<ComplianceDocument> {
    authorise(actor, "compliance", "write");
    const document = parseInput(complianceDocumentInputSchema, input, "compliance document");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      if (document.vehicleId) {
        const [vehicle] = await repos.vehicles.findByIds(org, [document.vehicleId]);
        if (!vehicle) {
          throw new AppError("validation-failed", "The compliance document is not valid.", [
            { path: "vehicleId", message: "not a vehicle of your organisation" },
          ]);
        }
      }
      const stored = await repos.compliance.create(org, document);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "create",
        resource: "compliance",
        resourceIds: [stored.id, ...(stored.vehicleId ? [stored.vehicleId] : [])],
        purpose: actor.purpose ?? "compliance: document recorded",
        details: { kind: stored.kind, expiresOn: stored.expiresOn },
      });
      return stored;
    });
  }

  async list(actor: Actor): Promise<ComplianceListing> {
    authorise(actor, "compliance", "read");
    const today = londonDate(this.clock.now());
    const repos = this.unitOfWork.repositories;
    const record = await complianceRecordOf(repos, actor.organisationId, today);
    return { ...record, sent: await repos.compliance.listWarningsSent(actor.organisationId) };
  }

  /** Deletes a document entered by mistake (a renewal is a new document, not an edit). */
  async remove(actor: Actor, id: string): Promise<void> {
    authorise(actor, "compliance", "write");
    const org = actor.organisationId;
    await this.unitOfWork.transaction(async (repos) => {
      if (!(await repos.compliance.remove(org, id))) throw notFound("compliance document", id);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "delete",
        resource: "compliance",
        resourceIds: [id],
        purpose: actor.purpose ?? "compliance: document deleted",
      });
    });
  }
}

/** The holder's documents as they stand on `today`, with warnings and what has lapsed. */
export async function complianceRecordOf(
  repos: Pick<ComplianceUnitOfWork["repositories"], "compliance" | "vehicles">,
  holderId: string,
  today: string,
): Promise<ComplianceRecord> {
  const documents = await repos.compliance.listHeld(holderId);
  const ids = [...new Set(documents.flatMap((d) => (d.vehicleId ? [d.vehicleId] : [])))];
  const vehicles = await repos.vehicles.findByIds(holderId, ids);
  return {
    today,
    documents,
    warnings: listExpiryWarnings(documents, today),
    lapsed: listLapsedDocuments(documents, today),
    vehicles: Object.fromEntries(vehicles.map((v) => [v.id, v.reference])),
  };
}
