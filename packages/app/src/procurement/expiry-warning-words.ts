import { COMPLIANCE_DOCUMENT_KINDS, type ExpiryWarning } from "@tt/domain";

/** What a warning email needs beyond the document: who holds it and what its vehicle is called. */
export interface ExpiryWarningContext {
  readonly holderName: string;
  /** The vehicle's reference, for a vehicle's document. */
  readonly vehicleReference?: string;
  /** The compliance page, when the service has a public address. */
  readonly complianceUrl?: string;
}

const LONG_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const longDate = (day: string) => LONG_DATE.format(new Date(`${day}T00:00:00Z`));
const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** What the document's lapse does: to its vehicle, or to every vehicle and to procurement. */
function consequence(warning: ExpiryWarning, vehicle: string | undefined): string {
  if (warning.document.vehicleId) {
    return `${vehicle ?? "The vehicle"} is held back from every day plan, yours and those of organisations it is offered to, until a renewal is recorded.`;
  }
  return [
    "Every vehicle of your organisation is held back from every day plan, yours and those of organisations they are offered to, until a renewal is recorded.",
    "While it is lapsed your organisation cannot be admitted to a dynamic purchasing system or awarded a contract.",
  ].join(" ");
}

/**
 * The email warning the holder's operators and administrators that a document expires soon, or
 * has lapsed: what it is, when, and what its lapse means for planning and procurement.
 */
export function composeExpiryWarning(
  warning: ExpiryWarning,
  context: ExpiryWarningContext,
): { readonly subject: string; readonly body: string } {
  const { document, daysLeft } = warning;
  const label = COMPLIANCE_DOCUMENT_KINDS[document.kind].label;
  const vehicle = context.vehicleReference;
  const what = `${label} ${document.number}${vehicle ? ` of ${vehicle}` : ""}`;
  const on = longDate(document.expiresOn);
  const lapsed = daysLeft < 0;
  const subject = lapsed ? `${what} has lapsed` : `${what} expires on ${on}`;
  const when = lapsed
    ? `lapsed on ${on}.`
    : `expires ${daysLeft === 0 ? "today" : `in ${days(daysLeft)}`}, on ${on} (the ${warning.threshold}-day warning).`;
  const what_ = lapsed ? "What this means now:" : "If it is not renewed by then:";
  const record = context.complianceUrl
    ? `Record the renewal on the Compliance page: ${context.complianceUrl}`
    : "Record the renewal on the Compliance page of Total Transport.";
  const body = [
    `${context.holderName}'s ${what}, issued by ${document.issuer}, ${when}`,
    `${what_} ${consequence(warning, vehicle)}`,
    record,
    "You receive this because you are an operator or administrator of your organisation.",
  ].join("\n\n");
  return { subject, body };
}
