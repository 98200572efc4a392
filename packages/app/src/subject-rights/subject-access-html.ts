import { escapeHtml, standalonePage } from "../analysis";
import type { SubjectAccessExport } from "./subject-access";

const clock = (minutes: number) => {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
const yesNo = (value: boolean) => (value ? "yes" : "no");

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]) {
  if (rows.length === 0) return `<h2>${escapeHtml(caption)}</h2><p>None.</p>`;
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<h2>${escapeHtml(caption)}</h2><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function recordSection(data: SubjectAccessExport): string {
  const p = data.passenger;
  const rows: [string, string][] = [
    ["Reference", p.reference],
    ["Name", `${p.givenName} ${p.familyName}`],
    ["Date of birth", p.dateOfBirth ?? "not held"],
    ["Home address", p.homeAddress ?? "not held"],
    ["Postcode", p.homePostcode ?? "not held"],
    ["Home position", `${p.homeLat.toFixed(5)}, ${p.homeLon.toFixed(5)}`],
    ["Travels in their wheelchair", yesNo(p.needs.wheelchair)],
    ["Needs a passenger assistant", yesNo(p.needs.passengerAssistant)],
    ["Seating", p.needs.seating],
    ["Travels alone", yesNo(p.needs.travelAlone)],
    ["Door through door", yesNo(p.needs.doorThroughDoor)],
    ["May not travel with", p.needs.mayNotTravelWith.join(", ") || "nobody named"],
  ];
  if (data.erasedAt) rows.push(["Personal data erased", data.erasedAt]);
  return table(
    "The record held",
    ["Field", "Value"],
    rows.map(([field, value]) => [field, value]),
  );
}

/**
 * The subject access export as one readable page to send to the person: every text escaped, no
 * scripts, nothing fetched.
 */
export function subjectAccessHtml(data: SubjectAccessExport): string {
  const title = `What ${data.organisation.name} holds about passenger ${data.passenger.reference}`;
  const sections = [
    recordSection(data),
    table(
      "Journeys asked for",
      ["Reference", "Purpose", "Time", "When", "Status"],
      data.tripRequests.map((t) => [
        t.reference,
        t.purpose,
        `${t.timing} ${t.time}`,
        t.recurrence.kind === "one-off"
          ? t.recurrence.date
          : `${t.recurrence.weekdays.join(", ")} from ${t.recurrence.from} to ${t.recurrence.to}`,
        t.status,
      ]),
    ),
    table(
      "Journeys cancelled",
      ["Date", "Journey", "Why"],
      data.cancellations.map((c) => [
        c.serviceDate,
        data.tripRequests.find((t) => t.id === c.tripRequestId)?.reference ?? c.tripRequestId,
        c.reason.replaceAll("-", " "),
      ]),
    ),
    table(
      "What drivers recorded at your stops",
      ["Date", "Journey", "Stop", "What", "When", "Why"],
      data.journeyEvents.map((e) => [
        e.serviceDate,
        data.tripRequests.find((t) => t.id === e.tripRequestId)?.reference ?? e.tripRequestId,
        e.stop === "pickup" ? "pick-up" : "drop-off",
        e.kind.replaceAll("-", " "),
        e.at,
        (e.reason ?? "").replaceAll("-", " "),
      ]),
    ),
    table(
      "Smartcard taps and attendance",
      ["Date", "Stop", "Time"],
      data.taps.map((t) => [t.serviceDate, t.stop, t.time]),
    ),
    table(
      "Where messages about their trips go",
      ["How", "Address", "Who", "Opted out"],
      data.contacts.map((c) => [
        c.channel === "sms" ? "text message" : "email",
        c.address,
        c.relationship,
        c.optedOutAt ?? "",
      ]),
    ),
    table(
      "Messages about their trips",
      ["Day", "Message", "How", "Where it stands", "Sent"],
      data.messages.map((m) => [
        m.serviceDate,
        m.body,
        m.channel === "sms" ? "text message" : "email",
        m.status.replaceAll("-", " "),
        m.sentAt ?? "",
      ]),
    ),
    table(
      "Decisions on entitlement to travel",
      ["Assessed on", "Scheme", "Eligible", "Why", "Review date"],
      data.entitlementDecisions.map((d) => [
        d.assessedOn,
        d.regime,
        yesNo(d.eligible),
        d.decision.summary,
        d.reviewDate,
      ]),
    ),
    table(
      "Journeys planned",
      ["Date", "Plan", "Held by", "Status", "Stop", "Time"],
      data.plannedJourneys.map((s) => [
        s.serviceDate,
        s.planName,
        s.heldBy,
        s.planStatus,
        s.kind === "pickup" ? "pick-up" : "drop-off",
        clock(s.arrival),
      ]),
    ),
    table(
      "Who has seen or changed the record",
      ["When", "Who", "Organisation", "What", "Why", "Agreement"],
      data.access.map((a) => [
        a.at,
        a.user ?? "the system",
        a.organisation ?? "",
        a.action,
        a.purpose,
        a.agreementReference ?? "",
      ]),
    ),
    table(
      "Shared with",
      ["Organisation", "Agreement"],
      data.sharedWith.map((s) => [s.organisation, s.agreement]),
    ),
  ];
  const made = `<p>Made on ${escapeHtml(data.generatedAt)} in answer to a subject access request (UK GDPR Article 15).</p>`;
  return standalonePage(title, [made, ...sections].join("\n"));
}
