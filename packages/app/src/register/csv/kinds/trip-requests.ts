import { TIMINGS, TRIP_PURPOSES, TRIP_STATUSES, tripRequestInputSchema } from "@tt/domain";
import { date, integer, oneOf, text, time, weekdays } from "../codecs";
import { type Column, type CsvKindSpec, type Draft, PENDING_ID, type RowContext } from "../columns";
import type { Lookups } from "../lookups";
import { keyOf, resolveId } from "../resolve";

const reference = { ...text, type: "reference" };
const end = { ...text, type: "home, or a place reference" };

const COLUMNS: readonly Column[] = [
  {
    header: "reference",
    required: true,
    codec: reference,
    target: "reference",
    description: "Your unique reference for the request.",
  },
  {
    header: "passenger_reference",
    required: true,
    codec: reference,
    target: "passenger",
    reportsFor: "passengerId",
    description: "Reference of the passenger (already imported).",
  },
  {
    header: "funder",
    required: true,
    codec: text,
    target: "funder",
    reportsFor: "funderId",
    description: "Name of the funder that pays (must exist in your organisation).",
  },
  {
    header: "purpose",
    required: true,
    codec: oneOf(TRIP_PURPOSES),
    target: "purpose",
    description: "Why the journey is made.",
  },
  {
    header: "origin",
    required: true,
    codec: end,
    target: "origin",
    description: 'Where it starts: "home" or a place reference.',
  },
  {
    header: "destination",
    required: true,
    codec: end,
    target: "destination",
    description: 'Where it ends: "home" or a place reference.',
  },
  {
    header: "timing",
    required: true,
    codec: oneOf(TIMINGS),
    target: "timing",
    description: "arrive-by (bell or appointment time) or depart-after.",
  },
  {
    header: "time",
    required: true,
    codec: time,
    target: "time",
    description: "The bell time, appointment time or earliest departure.",
  },
  {
    header: "window_minutes",
    codec: integer,
    target: "windowMinutes",
    description: "How much earlier (arrive-by) or later (depart-after) is acceptable. Default 15.",
  },
  {
    header: "max_ride_minutes",
    codec: integer,
    target: "maxRideMinutes",
    description: "Longest acceptable time on board.",
  },
  {
    header: "escorts",
    codec: integer,
    target: "escorts",
    description: "Escorts or carers travelling too. Default 0.",
  },
  {
    header: "date",
    codec: date,
    target: "date",
    reportsFor: "recurrence.date",
    description: "One-off trips: the date.",
  },
  {
    header: "weekdays",
    codec: weekdays,
    target: "weekdays",
    reportsFor: "recurrence.weekdays",
    description: 'Recurring trips: the days, e.g. "mon-fri" or "mon;wed".',
  },
  {
    header: "from",
    codec: date,
    target: "from",
    reportsFor: "recurrence.from",
    description: "Recurring trips: first date.",
  },
  {
    header: "to",
    codec: date,
    target: "to",
    reportsFor: "recurrence.to",
    description: "Recurring trips: last date.",
  },
  {
    header: "term_calendar",
    codec: text,
    target: "termCalendar",
    reportsFor: "recurrence.termCalendarId",
    description: "Recurring trips: name of a term calendar; only days in term.",
  },
  {
    header: "return_of",
    codec: reference,
    target: "returnOf",
    reportsFor: "returnOfId",
    description:
      "Reference of the outbound request this one returns from (in your organisation or anywhere in the file).",
  },
  {
    header: "status",
    codec: oneOf(TRIP_STATUSES),
    target: "status",
    description: "requested, booked or cancelled. Default requested.",
  },
];

const RECURRING = ["weekdays", "from", "to", "termCalendar"] as const;

function tripEnd(value: unknown, column: string, context: RowContext) {
  if (typeof value !== "string" || value === "") return undefined;
  if (value.toLowerCase() === "home") return { kind: "home" };
  return { kind: "place", placeId: resolveId(context, "places", column, value) ?? PENDING_ID };
}

function recurrence(draft: Draft, context: RowContext) {
  const recurring = RECURRING.some((key) => draft[key] !== undefined);
  if (draft.date !== undefined && recurring) {
    context.report("date", "give a date (one-off) or weekdays, from and to (recurring), not both");
  } else if (draft.date !== undefined) {
    return { kind: "one-off", date: draft.date };
  } else if (!recurring) {
    context.report("date", "give a date (one-off), or weekdays, from and to (recurring)");
  } else {
    const termCalendarId = resolveId(context, "termCalendars", "term_calendar", draft.termCalendar);
    return {
      kind: "recurring",
      weekdays: draft.weekdays,
      from: draft.from,
      to: draft.to,
      termCalendarId,
    };
  }
  return undefined;
}

function returnOfId(draft: Draft, context: RowContext): string | undefined {
  const outbound = draft.returnOf;
  if (typeof outbound !== "string" || outbound === "") return undefined;
  if (outbound === draft.reference) {
    context.report("return_of", "a request cannot be the return of itself");
    return undefined;
  }
  const [found] = context.lookups.own.find(outbound);
  if (found) return found;
  context.defer({ column: "return_of", reference: outbound, assign: "returnOfId" });
  return PENDING_ID;
}

function flattenRecurrence(record: Record<string, unknown>, lookups: Lookups): Draft {
  const r = record.recurrence as Record<string, unknown>;
  if (r.kind === "one-off") return { date: r.date };
  const termCalendar = keyOf(lookups, "termCalendars", r.termCalendarId);
  return { weekdays: r.weekdays, from: r.from, to: r.to, termCalendar };
}

function endKey(value: unknown, lookups: Lookups): string | undefined {
  const e = value as { kind: string; placeId?: string };
  return e.kind === "home" ? "home" : keyOf(lookups, "places", e.placeId);
}

/** Trip requests: who travels from where to where, when, paid by whom. */
export const tripRequestsCsv: CsvKindSpec<"tripRequests"> = {
  kind: "tripRequests",
  columns: COLUMNS,
  schema: tripRequestInputSchema,
  lookups: ["passengers", "funders", "places", "termCalendars"],
  toInput(draft, context) {
    const { passenger, funder, returnOf: _r, date: _d, ...rest } = draft;
    for (const key of RECURRING) delete rest[key];
    return {
      ...rest,
      passengerId: resolveId(context, "passengers", "passenger_reference", passenger),
      funderId: resolveId(context, "funders", "funder", funder),
      origin: tripEnd(draft.origin, "origin", context),
      destination: tripEnd(draft.destination, "destination", context),
      recurrence: recurrence(draft, context),
      returnOfId: returnOfId(draft, context),
    };
  },
  toDraft(record, lookups) {
    return Object.assign({}, record, {
      passenger: keyOf(lookups, "passengers", record.passengerId),
      funder: keyOf(lookups, "funders", record.funderId),
      origin: endKey(record.origin, lookups),
      destination: endKey(record.destination, lookups),
      ...flattenRecurrence(record, lookups),
      returnOf:
        typeof record.returnOfId === "string" ? lookups.own.keyOf(record.returnOfId) : undefined,
    });
  },
};
