import { ApiError, type BookingBody, TRIP_PURPOSES } from "@tt/contract";
import { type Problem, problemsOf } from "../api";
import type { Choice } from "../components/select-field";
import { isRealDate } from "../routes/search-params";
import { REPEAT_FIELDS, type RepeatDraft, repeatOf, repeatProblems } from "./repeat-words";

type Purpose = BookingBody["purpose"];
type Timing = BookingBody["timing"];
export type Direction = "to-place" | "from-place";

/** What a checked form gives, or the problems to list in its error summary. */
export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: Problem[] };

export const PURPOSE_LABELS: Readonly<Record<Purpose, string>> = {
  school: "School",
  "send-school": "School, special educational needs (SEND)",
  "post-16": "Post-16 education",
  "adult-day-service": "Adult day service",
  "hospital-appointment": "Hospital appointment",
  dialysis: "Dialysis",
  "gp-appointment": "GP appointment",
  "demand-responsive": "Demand-responsive transport",
  "community-transport": "Community transport",
};

export const PURPOSE_CHOICES: readonly Choice[] = TRIP_PURPOSES.map((value) => ({
  value,
  text: PURPOSE_LABELS[value],
}));

const TIMINGS: readonly Timing[] = ["arrive-by", "depart-after"];
export const TIMING_CHOICES: readonly Choice[] = [
  { value: "arrive-by", text: "Arrive by" },
  { value: "depart-after", text: "Depart after" },
];

const DIRECTIONS: readonly Direction[] = ["to-place", "from-place"];
export const DIRECTION_CHOICES: readonly Choice[] = [
  { value: "to-place", text: "From home to the place" },
  { value: "from-place", text: "From the place to home" },
];

/** The page's field ids by the API's paths of a booking's fields (options and book routes). */
const FIELD_IDS: Readonly<Record<string, string>> = {
  passengerId: "passenger-search",
  funderId: "funder",
  purpose: "purpose",
  origin: "place-search",
  "origin.placeId": "place-search",
  destination: "place-search",
  "destination.placeId": "place-search",
  timing: "timing",
  date: "date",
  time: "time",
  windowMinutes: "window",
  ...REPEAT_FIELDS,
};
export const BOOKING_FIELDS: Readonly<Record<string, string>> = {
  ...FIELD_IDS,
  ...Object.fromEntries(Object.entries(FIELD_IDS).map(([path, id]) => [`booking.${path}`, id])),
};

/** The booking form as the agent left it: every answer as text, the finders' choices as ids. */
export interface BookingDraft {
  readonly passengerId: string | undefined;
  readonly placeId: string | undefined;
  readonly funderId: string;
  readonly purpose: string;
  readonly direction: string;
  readonly timing: string;
  readonly date: string;
  readonly time: string;
  readonly window: string;
  readonly repeat: RepeatDraft;
}

const pick = <T extends string>(options: readonly T[], value: string): T | undefined =>
  options.find((option) => option === value);

/** "HH:MM" on the 24-hour clock from what was typed ("9:05" too), or undefined. */
export function clockOf(text: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, "0")}:${match[2]}`;
}

/** Whole minutes from 0 to 240, or undefined. */
export function windowMinutes(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return minutes <= 240 ? minutes : undefined;
}

/** What is wrong with the date of travel, or undefined. */
export function dateProblem(date: string, what = "the date of travel"): string | undefined {
  if (date === "") return `Enter ${what}`;
  if (!isRealDate(date)) return `${capitalise(what)} must be a real date, like 24 11 2026`;
  return undefined;
}

export const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The draft's problems, in the order of the page's fields. */
function draftProblems(draft: BookingDraft): Problem[] {
  const checks: [string, boolean, string][] = [
    ["passenger-search", !draft.passengerId, "Find and choose the passenger"],
    ["place-search", !draft.placeId, "Find and choose the place"],
    ["funder", draft.funderId === "", "Choose who funds the trip"],
    ["purpose", !pick(TRIP_PURPOSES, draft.purpose), "Choose the purpose of the trip"],
    ["direction", !pick(DIRECTIONS, draft.direction), "Choose where the trip starts"],
    ["timing", !pick(TIMINGS, draft.timing), "Choose arrive by or depart after"],
    ["date", dateProblem(draft.date) !== undefined, dateProblem(draft.date) ?? ""],
    ["time", clockOf(draft.time) === undefined, "Enter the time on the 24-hour clock, like 09:30"],
    [
      "window",
      windowMinutes(draft.window) === undefined,
      "Enter the window as a whole number of minutes from 0 to 240",
    ],
  ];
  return [
    ...checks.filter(([, fails]) => fails).map(([id, , text]) => ({ text, href: `#${id}` })),
    ...repeatProblems(draft.repeat, draft.date),
  ];
}

/** The trip's ends: home and the place chosen, one way or the other. */
export function tripEnds(
  direction: Direction,
  placeId: string,
): Pick<BookingBody, "origin" | "destination"> {
  const place: BookingBody["origin"] = { kind: "place", placeId };
  const home: BookingBody["origin"] = { kind: "home" };
  return direction === "to-place"
    ? { origin: home, destination: place }
    : { origin: place, destination: home };
}

/** The booking the API takes, from the draft; or every problem with it, field by field. */
export function readBooking(draft: BookingDraft): Read<BookingBody> {
  const problems = draftProblems(draft);
  const purpose = pick(TRIP_PURPOSES, draft.purpose);
  const direction = pick(DIRECTIONS, draft.direction);
  const timing = pick(TIMINGS, draft.timing);
  const minutes = windowMinutes(draft.window);
  const time = clockOf(draft.time);
  const { passengerId, placeId } = draft;
  const repeat = repeatOf(draft.repeat);
  if (
    problems.length > 0 ||
    !passengerId ||
    !placeId ||
    !purpose ||
    !direction ||
    !timing ||
    !time ||
    minutes === undefined
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      date: draft.date,
      passengerId,
      funderId: draft.funderId,
      purpose,
      ...tripEnds(direction, placeId),
      timing,
      time,
      windowMinutes: minutes,
      escorts: 0,
      ...(repeat ? { repeat } : {}),
    },
  };
}

/** Today in the browser's time zone, "YYYY-MM-DD". */
export function todayIso(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** True when the API refused because of the state of things (409), not the request. */
export const isConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 409;

/**
 * The problems to list when the desk's request fails. A refusal (409) is its message, which says
 * what to do (publish the day's plan, assess the passenger, ask for the options again), linked to
 * the field it names; anything else lists its problems field by field.
 */
export function deskProblems(error: unknown): Problem[] {
  if (!isConflict(error)) return problemsOf(error, BOOKING_FIELDS);
  const id = error.details.map((issue) => BOOKING_FIELDS[issue.path]).find(Boolean);
  return [{ text: error.message, ...(id ? { href: `#${id}` } : {}) }];
}
