import type { Recurrence, TripEnd, TripRequest, TripRequestInput, Weekday } from "@tt/domain";
import { tripRequests } from "../schema";
import type { ImportableSpec } from "./record-repository";
import { opt, storedFields } from "./row-mapping";

type Row = Record<string, unknown>;

function endToColumn(end: TripEnd): string | null {
  return end.kind === "place" ? end.placeId : null;
}

function columnToEnd(value: unknown): TripEnd {
  return typeof value === "string" ? { kind: "place", placeId: value } : { kind: "home" };
}

function recurrenceToColumns(recurrence: Recurrence) {
  if (recurrence.kind === "one-off") {
    return {
      recurrenceKind: "one-off",
      validFrom: recurrence.date,
      validTo: recurrence.date,
      weekdays: [],
      termCalendarId: null,
    };
  }
  return {
    recurrenceKind: "recurring",
    validFrom: recurrence.from,
    validTo: recurrence.to,
    weekdays: recurrence.weekdays,
    termCalendarId: recurrence.termCalendarId ?? null,
  };
}

function columnsToRecurrence(row: Row): Recurrence {
  if (row.recurrenceKind === "one-off") return { kind: "one-off", date: String(row.validFrom) };
  return {
    kind: "recurring",
    weekdays: row.weekdays as Weekday[],
    from: String(row.validFrom),
    to: String(row.validTo),
    termCalendarId: opt(row.termCalendarId as string | null),
  };
}

export const tripRequestSpec: ImportableSpec<TripRequest, TripRequestInput> = {
  resource: "trip request",
  table: tripRequests,
  referenceColumn: tripRequests.reference,
  importColumn: tripRequests.importId,
  searchColumns: [tripRequests.reference],
  filterColumns: {
    purpose: tripRequests.purpose,
    status: tripRequests.status,
    passengerId: tripRequests.passengerId,
    funderId: tripRequests.funderId,
    returnOfId: tripRequests.returnOfId,
  },
  orderBy: tripRequests.reference,
  toRow: ({ origin, destination, recurrence, returnOfId, maxRideMinutes, ...rest }) => ({
    ...rest,
    originPlaceId: endToColumn(origin),
    destinationPlaceId: endToColumn(destination),
    ...recurrenceToColumns(recurrence),
    returnOfId: returnOfId ?? null,
    maxRideMinutes: maxRideMinutes ?? null,
  }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), {
      reference: row.reference,
      passengerId: row.passengerId,
      funderId: row.funderId,
      purpose: row.purpose,
      origin: columnToEnd(row.originPlaceId),
      destination: columnToEnd(row.destinationPlaceId),
      timing: row.timing,
      time: row.time,
      windowMinutes: row.windowMinutes,
      maxRideMinutes: opt(row.maxRideMinutes),
      escorts: row.escorts,
      recurrence: columnsToRecurrence(row),
      returnOfId: opt(row.returnOfId),
      status: row.status,
    }) as TripRequest,
};
