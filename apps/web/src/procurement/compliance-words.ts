import {
  COMPLIANCE_DOCUMENT_KIND_CODES,
  COMPLIANCE_DOCUMENT_KINDS,
  type ComplianceDocumentBody,
  type ComplianceRecordView,
} from "@tt/contract";
import type { Problem } from "../api";
import type { Choice } from "../components/select-field";
import { isRealDate } from "../routes/search-params";
import { longDate } from "../sharing/agreement-words";

type Kind = ComplianceDocumentBody["kind"];
type Document = ComplianceRecordView["items"][number];

/** The form's field ids, by the API's field names (for error summaries' links). */
export const COMPLIANCE_FIELD_IDS = {
  kind: "document-kind",
  vehicleId: "document-vehicle",
  issuer: "document-issuer",
  number: "document-number",
  validFrom: "document-valid-from",
  expiresOn: "document-expires",
} as const;
export type ComplianceField = keyof typeof COMPLIANCE_FIELD_IDS;

export const kindName = (kind: Kind) => COMPLIANCE_DOCUMENT_KINDS[kind].label;

/** The kinds to choose from, each saying what it is about. */
export const KIND_CHOICES: readonly Choice[] = COMPLIANCE_DOCUMENT_KIND_CODES.map((kind) => {
  const subjects = COMPLIANCE_DOCUMENT_KINDS[kind].subjects;
  const about = subjects.length > 1 ? "organisation or vehicle" : subjects[0];
  return { value: kind, text: `${kindName(kind)} (${about})` };
});

/** What a document is about: a vehicle's reference, or the organisation. */
export function subjectOf(document: Pick<Document, "vehicleId">, record: ComplianceRecordView) {
  if (!document.vehicleId) return "The organisation";
  return record.vehicles[document.vehicleId] ?? "A vehicle";
}

/** "MOT certificate MOT-1 of FM-01 lapsed on 2 September 2026: FM-01 is not planned." */
export function warningText(
  warning: ComplianceRecordView["warnings"][number],
  record: ComplianceRecordView,
): string {
  const document = record.items.find((d) => d.id === warning.documentId);
  if (!document) return "";
  const subject = subjectOf(document, record);
  const what = `${kindName(document.kind)} ${document.number} of ${subject === "The organisation" ? "the organisation" : subject}`;
  if (warning.daysLeft < 0) {
    const held = document.vehicleId ? `${subject} is not` : "none of its vehicles is";
    return `${what} lapsed on ${longDate(document.expiresOn)}: ${held} planned until it is renewed.`;
  }
  const when = warning.daysLeft === 0 ? "today" : `in ${days(warning.daysLeft)}`;
  return `${what} expires ${when}, on ${longDate(document.expiresOn)} (the ${warning.threshold}-day warning).`;
}

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** Whether the warning reached was emailed; nothing when the list does not say (a buyer's view). */
export function emailedText(warning: ComplianceRecordView["warnings"][number]): string {
  const sent = warning.sentThresholds;
  if (!sent) return "";
  return sent.includes(warning.threshold) ? "Emailed." : "Not emailed yet.";
}

/** The form's answers as the API's body, or the problems to fix first (checked again there). */
export function readDocument(
  fields: Record<ComplianceField, string>,
): { ok: true; body: ComplianceDocumentBody } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const need = (key: ComplianceField, text: string) =>
    problems.push({ text, href: `#${COMPLIANCE_FIELD_IDS[key]}` });
  const kind = COMPLIANCE_DOCUMENT_KIND_CODES.find((k) => k === fields.kind);
  if (!kind) need("kind", "Choose the kind of document");
  if (!fields.issuer.trim()) need("issuer", "Enter who issued it");
  if (!fields.number.trim()) need("number", "Enter the document's number");
  if (!isRealDate(fields.expiresOn)) need("expiresOn", "Enter a real expiry date, like 31 1 2027");
  const validFrom = fields.validFrom;
  if (validFrom && !isRealDate(validFrom))
    need("validFrom", "Enter a real date it is valid from, or leave it empty");
  if (!kind || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      kind,
      issuer: fields.issuer.trim(),
      number: fields.number.trim(),
      expiresOn: fields.expiresOn,
      ...(fields.vehicleId ? { vehicleId: fields.vehicleId } : {}),
      ...(validFrom ? { validFrom } : {}),
    },
  };
}
