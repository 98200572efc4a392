import type { ResourceRecord } from "@tt/contract";
import { api, type Problem } from "../../api";
import {
  type InputResult,
  keptOf,
  listOf,
  numberOf,
  optionalOf,
  shown,
  textOf,
  type Values,
} from "../form-model";

type TripRequest = ResourceRecord<"tripRequests">;
type End = TripRequest["origin"];
type Weekly = Extract<TripRequest["recurrence"], { kind: "recurring" }>;

/** The id of the passenger or place with this reference, or undefined when there is none. */
async function idOf(kind: "passengers" | "places", reference: string): Promise<string | undefined> {
  const page = await api.list(kind, { search: reference, limit: 50 });
  const wanted = reference.toLowerCase();
  return page.items.find((row) => row.reference.toLowerCase() === wanted)?.id;
}

/** A row's reference by id ("" when it cannot be read). */
async function referenceOf(kind: "passengers" | "places", id: string): Promise<string> {
  return api.get(kind, id).then(
    (row) => row.reference,
    () => "",
  );
}

const endPlace = (end: End) => (end.kind === "place" ? referenceOf("places", end.placeId) : "");

export async function tripRequestValues(t: TripRequest): Promise<Values> {
  const r = t.recurrence;
  return {
    reference: t.reference,
    passengerReference: await referenceOf("passengers", t.passengerId),
    funderId: t.funderId,
    purpose: t.purpose,
    originKind: t.origin.kind,
    originPlace: await endPlace(t.origin),
    destinationKind: t.destination.kind,
    destinationPlace: await endPlace(t.destination),
    timing: t.timing,
    time: t.time,
    windowMinutes: shown(t.windowMinutes),
    escorts: shown(t.escorts),
    recurrenceKind: r.kind,
    date: r.kind === "one-off" ? r.date : "",
    weekdays: r.kind === "recurring" ? [...r.weekdays] : [],
    from: r.kind === "recurring" ? r.from : "",
    to: r.kind === "recurring" ? r.to : "",
    status: t.status,
  };
}

/** The answers only the whole form can check: a place named for a place, days for a weekly trip. */
function crossChecks(values: Values): Problem[] {
  const problems: Problem[] = [];
  const need = (name: string, text: string) => {
    if (listOf(values, name).length === 0 && !textOf(values, name)) {
      problems.push({ text, href: `#${name}` });
    }
  };
  if (textOf(values, "originKind") === "place") {
    need("originPlace", "Enter the reference of the place it starts at");
  }
  if (textOf(values, "destinationKind") === "place") {
    need("destinationPlace", "Enter the reference of the place it ends at");
  }
  if (textOf(values, "recurrenceKind") === "one-off") need("date", "Enter the date of the trip");
  if (textOf(values, "recurrenceKind") === "recurring") {
    need("weekdays", "Select the days of the week it runs");
    need("from", "Enter the first day it runs");
    need("to", "Enter the last day it runs");
  }
  return problems;
}

async function endOf(values: Values, which: "origin" | "destination", problems: Problem[]) {
  if (textOf(values, `${which}Kind`) !== "place") return { kind: "home" as const };
  const reference = textOf(values, `${which}Place`);
  const placeId = await idOf("places", reference);
  if (!placeId)
    problems.push({ text: `No place has the reference ${reference}`, href: `#${which}Place` });
  return { kind: "place" as const, placeId: placeId ?? "" };
}

function recurrenceOf(values: Values, base?: TripRequest): TripRequest["recurrence"] {
  if (textOf(values, "recurrenceKind") === "one-off") {
    return { kind: "one-off", date: textOf(values, "date") };
  }
  const calendar =
    base?.recurrence.kind === "recurring" ? base.recurrence.termCalendarId : undefined;
  return {
    kind: "recurring",
    weekdays: listOf(values, "weekdays") as Weekly["weekdays"],
    from: textOf(values, "from"),
    to: textOf(values, "to"),
    ...(calendar ? { termCalendarId: calendar } : {}),
  };
}

/** The API input, with the passenger and places found by their references. */
export async function tripRequestInput(
  values: Values,
  base?: TripRequest,
): Promise<InputResult<"tripRequests">> {
  const problems = crossChecks(values);
  if (problems.length > 0) return { problems };
  const passengerReference = textOf(values, "passengerReference");
  const passengerId = await idOf("passengers", passengerReference);
  if (!passengerId) {
    const text = `No passenger has the reference ${passengerReference}`;
    problems.push({ text, href: "#passengerReference" });
  }
  const origin = await endOf(values, "origin", problems);
  const destination = await endOf(values, "destination", problems);
  if (problems.length > 0) return { problems };
  const input = {
    ...keptOf(base),
    reference: textOf(values, "reference"),
    passengerId: passengerId ?? "",
    funderId: textOf(values, "funderId"),
    purpose: textOf(values, "purpose") as TripRequest["purpose"],
    origin,
    destination,
    timing: textOf(values, "timing") as TripRequest["timing"],
    time: textOf(values, "time"),
    windowMinutes: numberOf(values, "windowMinutes"),
    escorts: numberOf(values, "escorts"),
    recurrence: recurrenceOf(values, base),
    status: (optionalOf(values, "status") ?? "requested") as TripRequest["status"],
  };
  return { input };
}
