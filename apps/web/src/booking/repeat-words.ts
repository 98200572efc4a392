import { type BookingBody, WEEKDAYS, weekdayOf } from "@tt/contract";
import type { Problem } from "../api";
import type { Choice } from "../components/select-field";
import { isRealDate } from "../routes/search-params";

type Weekday = (typeof WEEKDAYS)[number];
type Repeat = NonNullable<BookingBody["repeat"]>;

/** How often the trip travels, as the agent left the form: every answer as text. */
export interface RepeatDraft {
  /** "once" or "repeats". */
  readonly often: string;
  readonly weekdays: readonly string[];
  /** The last day, "YYYY-MM-DD" or what was typed. */
  readonly until: string;
  /** A term calendar's id, or "" for every week. */
  readonly termCalendarId: string;
}

export const ONCE: RepeatDraft = { often: "once", weekdays: [], until: "", termCalendarId: "" };

export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

export const WEEKDAY_CHOICES: readonly Choice[] = WEEKDAYS.map((value) => ({
  value,
  text: WEEKDAY_NAMES[value],
}));

export const OFTEN_CHOICES: readonly Choice[] = [
  { value: "once", text: "Once, on the date of travel" },
  { value: "repeats", text: "Every week on chosen weekdays, from the date of travel" },
];

/** The page's field ids by the API's paths of the repeat's fields. */
export const REPEAT_FIELDS: Readonly<Record<string, string>> = {
  repeat: "repeat-weekdays",
  "repeat.weekdays": "repeat-weekdays",
  "repeat.until": "repeat-until",
  "repeat.termCalendarId": "repeat-calendar",
};

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
export function weekdayList(days: readonly string[]): string {
  const names = days.map((d) => WEEKDAY_NAMES[d as Weekday] ?? d);
  return names.length > 1
    ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`
    : (names[0] ?? "");
}

const chosenDays = (draft: RepeatDraft): Weekday[] =>
  WEEKDAYS.filter((day) => draft.weekdays.includes(day));

/** What is wrong with the repeat, given the (checked) date of travel, in the page's order. */
export function repeatProblems(draft: RepeatDraft, date: string): Problem[] {
  if (draft.often !== "repeats") return [];
  const days = chosenDays(draft);
  const problems: Problem[] = [];
  if (days.length === 0) {
    problems.push({ text: "Choose the weekdays the trip repeats on", href: "#repeat-weekdays" });
  } else if (isRealDate(date) && !days.includes(weekdayOf(date))) {
    problems.push({
      text: `The date of travel is a ${WEEKDAY_NAMES[weekdayOf(date)]}: choose it among the weekdays, or change the date`,
      href: "#repeat-weekdays",
    });
  }
  const until = draft.until;
  const text =
    until === ""
      ? "Enter the last day the trip repeats"
      : !isRealDate(until)
        ? "The last day must be a real date, like 18 12 2026"
        : isRealDate(date) && until <= date
          ? "The last day must be after the date of travel"
          : undefined;
  if (text) problems.push({ text, href: "#repeat-until" });
  return problems;
}

/** The API's repeat for a checked draft, or undefined for a trip that travels once. */
export function repeatOf(draft: RepeatDraft): Repeat | undefined {
  if (draft.often !== "repeats") return undefined;
  return {
    weekdays: chosenDays(draft),
    until: draft.until,
    ...(draft.termCalendarId ? { termCalendarId: draft.termCalendarId } : {}),
  };
}
