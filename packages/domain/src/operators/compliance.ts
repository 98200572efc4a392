import { z } from "zod";
import { idSchema, plainTextSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema } from "../shared/time-of-day";
import { SECTION_19_CLASSES } from "./commission";

/**
 * What a compliance document is about: the organisation that holds it (an operator's licence, a
 * fleet insurance policy) or one of its vehicles (an MOT, a taxi's vehicle licence, a permit's
 * disc). People's checks (DBS, driving licence) are on their staff records (`dbsExpiry`,
 * `licenceExpiry`), which the crew rota and the planner already read.
 */
export const COMPLIANCE_SUBJECTS = ["organisation", "vehicle"] as const;
export type ComplianceSubject = (typeof COMPLIANCE_SUBJECTS)[number];

/** The documents an operator keeps current (domain rules §3 and §4). */
export const COMPLIANCE_DOCUMENT_KIND_CODES = [
  "psv-operator-licence",
  "section-19-permit",
  "section-22-permit",
  "private-hire-operator-licence",
  "hackney-carriage-vehicle-licence",
  "private-hire-vehicle-licence",
  "insurance",
  "mot",
] as const;
export type ComplianceDocumentKind = (typeof COMPLIANCE_DOCUMENT_KIND_CODES)[number];

/**
 * Each kind's name and what it may be about: operator licensing, section 19 and 22 permits (one
 * disc per vehicle), taxi and private hire licensing, insurance (a fleet policy or a vehicle's).
 */
export const COMPLIANCE_DOCUMENT_KINDS: Readonly<
  Record<
    ComplianceDocumentKind,
    { readonly label: string; readonly subjects: readonly ComplianceSubject[] }
  >
> = {
  "psv-operator-licence": { label: "PSV operator licence", subjects: ["organisation"] },
  "section-19-permit": { label: "Section 19 permit", subjects: ["vehicle"] },
  "section-22-permit": { label: "Section 22 community bus permit", subjects: ["vehicle"] },
  "private-hire-operator-licence": {
    label: "Private hire operator licence",
    subjects: ["organisation"],
  },
  "hackney-carriage-vehicle-licence": {
    label: "Hackney carriage vehicle licence",
    subjects: ["vehicle"],
  },
  "private-hire-vehicle-licence": { label: "Private hire vehicle licence", subjects: ["vehicle"] },
  insurance: { label: "Insurance", subjects: ["organisation", "vehicle"] },
  mot: { label: "MOT certificate", subjects: ["vehicle"] },
};

export const complianceDocumentInputSchema = z
  .object({
    kind: z.enum(COMPLIANCE_DOCUMENT_KIND_CODES),
    /** The vehicle the document is about; absent: the organisation itself. */
    vehicleId: idSchema.optional(),
    issuer: plainTextSchema(120).min(1, { message: "name who issued it" }),
    number: plainTextSchema(60).min(1, { message: "give the document's number" }),
    validFrom: isoDateSchema.optional(),
    expiresOn: isoDateSchema,
    /** A section 19 permit's classes of passenger; absent: every class such a permit may carry. */
    passengerClasses: z.array(z.enum(SECTION_19_CLASSES)).max(SECTION_19_CLASSES.length).optional(),
  })
  .refine((d) => !d.passengerClasses || d.kind === "section-19-permit", {
    message: "only a section 19 permit names classes of passenger",
    path: ["passengerClasses"],
  })
  .refine((d) => !d.validFrom || d.validFrom <= d.expiresOn, {
    message: "expiresOn must not be before validFrom",
    path: ["expiresOn"],
  })
  .refine((d) => subjectsOf(d.kind).includes(d.vehicleId ? "vehicle" : "organisation"), {
    message: "this kind of document is not about that subject",
    path: ["vehicleId"],
  });
export type ComplianceDocumentInput = z.infer<typeof complianceDocumentInputSchema>;
export type ComplianceDocument = Stored<ComplianceDocumentInput>;

function subjectsOf(kind: ComplianceDocumentKind): readonly ComplianceSubject[] {
  return COMPLIANCE_DOCUMENT_KINDS[kind].subjects;
}

/**
 * Days before expiry when the holder is warned (the 60, 30 and 7 days; a council's DPS
 * terms may set others) [D].
 */
export const EXPIRY_WARNING_DAYS = [60, 30, 7] as const;

/** A kind of document that has lapsed for its subject on a day, with the day it lapsed. */
export interface LapsedDocument {
  /** The organisation holding the document. */
  readonly holderId: string;
  readonly kind: ComplianceDocumentKind;
  readonly vehicleId?: string;
  readonly number: string;
  readonly expiredOn: string;
}

const subjectKey = (d: Pick<ComplianceDocument, "organisationId" | "kind" | "vehicleId">) =>
  `${d.organisationId}:${d.kind}:${d.vehicleId ?? ""}`;

/** Each holder's, subject's and kind's document ending last. */
function latestBySubject(documents: readonly ComplianceDocument[]): ComplianceDocument[] {
  const latest = new Map<string, ComplianceDocument>();
  for (const d of documents) {
    const seen = latest.get(subjectKey(d));
    if (!seen || seen.expiresOn < d.expiresOn) latest.set(subjectKey(d), d);
  }
  return [...latest.values()];
}

/**
 * Documents that have lapsed on `date`: for each holder, subject and kind, the one ending last, when it
 * ended before `date` (a renewal in force, or starting later, counts as current only from its
 * `validFrom`). A subject with a lapsed document is not planned or awarded work.
 */
export function listLapsedDocuments(
  documents: readonly ComplianceDocument[],
  date: string,
): LapsedDocument[] {
  const inForce = documents.filter((d) => !d.validFrom || d.validFrom <= date);
  return latestBySubject(inForce)
    .filter((d) => d.expiresOn < date)
    .map((d) => ({
      holderId: d.organisationId,
      kind: d.kind,
      ...(d.vehicleId ? { vehicleId: d.vehicleId } : {}),
      number: d.number,
      expiredOn: d.expiresOn,
    }));
}

/** Why a vehicle is not planned on a day: its own lapsed documents, or its holder's. */
export function vehicleLapses(
  lapsed: readonly LapsedDocument[],
  vehicle: { readonly id: string; readonly organisationId: string },
): LapsedDocument[] {
  return lapsed.filter(
    (d) =>
      d.holderId === vehicle.organisationId &&
      (d.vehicleId === undefined || d.vehicleId === vehicle.id),
  );
}

/** "MOT certificate AB123 expired on 2026-11-30", for the planner's reasons. */
export function describeLapse(lapse: LapsedDocument): string {
  return `${COMPLIANCE_DOCUMENT_KINDS[lapse.kind].label} ${lapse.number} expired on ${lapse.expiredOn}`;
}

/** A document to renew: days left (negative once lapsed) and the warning it has reached. */
export interface ExpiryWarning {
  readonly document: ComplianceDocument;
  readonly daysLeft: number;
  /** The smallest of `EXPIRY_WARNING_DAYS` not below `daysLeft`; 0 once lapsed. */
  readonly threshold: number;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The documents to act on `today`: each subject's and kind's latest document, when it expires
 * within the largest warning period or has lapsed, soonest first.
 */
export function listExpiryWarnings(
  documents: readonly ComplianceDocument[],
  today: string,
): ExpiryWarning[] {
  const widest = Math.max(...EXPIRY_WARNING_DAYS);
  const out: ExpiryWarning[] = [];
  for (const document of latestBySubject(documents)) {
    const daysLeft = daysBetween(today, document.expiresOn);
    if (daysLeft > widest) continue;
    const reached = EXPIRY_WARNING_DAYS.filter((t) => daysLeft <= t);
    out.push({ document, daysLeft, threshold: daysLeft < 0 ? 0 : Math.min(...reached) });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.document.id.localeCompare(b.document.id));
}
