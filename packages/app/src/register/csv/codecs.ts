import { formatMinutesOfDay, isIsoDate, WEEKDAYS, type Weekday } from "@tt/domain";

/** A cell's text parsed to a value, or the reason it could not be. */
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** How one type of value is read from and written to a cell. */
export interface Codec {
  /** Shown in the format guide, e.g. "yes/no". */
  readonly type: string;
  parse(text: string): Parsed;
  format(value: unknown): string;
}

const good = (value: unknown): Parsed => ({ ok: true, value });
const bad = (message: string): Parsed => ({ ok: false, message });
const asText = (value: unknown): string =>
  value === undefined || value === null ? "" : String(value);

/** A cell a spreadsheet would run as a formula: starts with = + - @ tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Written cells that a spreadsheet would run as a formula get a leading apostrophe, which
 * spreadsheets show as text (CSV injection). Plain numbers such as "-0.12" are left alone.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Reads back a cell written by `neutraliseFormula`. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export const text: Codec = {
  type: "text",
  parse: (t) => good(restoreFormula(t.trim())),
  format: (v) => neutraliseFormula(asText(v)),
};

const TRUE = new Set(["yes", "y", "true", "1"]);
const FALSE = new Set(["no", "n", "false", "0"]);

export const yesNo: Codec = {
  type: "yes/no",
  parse(t) {
    const key = t.trim().toLowerCase();
    if (TRUE.has(key)) return good(true);
    if (FALSE.has(key)) return good(false);
    return bad(`expected yes or no (also true/false, y/n, 1/0), found "${t.trim()}"`);
  },
  format: (v) => (v === true ? "yes" : v === false ? "no" : ""),
};

export const integer: Codec = {
  type: "whole number",
  parse(t) {
    const s = t.trim().replace(/,/g, "");
    return /^-?\d+$/.test(s)
      ? good(Number(s))
      : bad(`expected a whole number, found "${t.trim()}"`);
  },
  format: asText,
};

export const decimal: Codec = {
  type: "number",
  parse(t) {
    const s = t.trim();
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)
      ? good(Number(s))
      : bad(`expected a number, found "${s}"`);
  },
  format: asText,
};

/** Pounds and pence ("12.50", "£1,200") to whole pence, by string arithmetic: no float drift. */
export const pounds: Codec = {
  type: "pounds, e.g. 12.50",
  parse(t) {
    const s = t.trim().replace(/^£/, "").replace(/,/g, "");
    const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
    if (!match) return bad(`expected an amount in pounds such as 12.50, found "${t.trim()}"`);
    const pence = (match[2] ?? "").padEnd(2, "0");
    return good(Number(match[1]) * 100 + Number(pence));
  },
  format(v) {
    if (typeof v !== "number") return "";
    return `${Math.floor(v / 100)}.${String(v % 100).padStart(2, "0")}`;
  },
};

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "YYYY-MM-DD", or "DD/MM/YYYY" as UK spreadsheets write it. Written back as "YYYY-MM-DD". */
export const date: Codec = {
  type: "date YYYY-MM-DD (or DD/MM/YYYY)",
  parse(t) {
    const s = t.trim();
    const uk = UK_DATE.exec(s);
    const iso = uk ? `${uk[3]}-${uk[2]?.padStart(2, "0")}-${uk[1]?.padStart(2, "0")}` : s;
    return isIsoDate(iso) ? good(iso) : bad(`expected a date "YYYY-MM-DD", found "${s}"`);
  },
  format: asText,
};

/** "HH:MM" (24-hour); "8:45" and "08:45:00" are accepted too. */
export const time: Codec = {
  type: "time HH:MM",
  parse(t) {
    const s = t.trim();
    const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(s);
    const hours = Number(match?.[1]);
    const minutes = Number(match?.[2]);
    if (!match || hours > 23 || minutes > 59) {
      return bad(`expected a 24-hour time "HH:MM", found "${s}"`);
    }
    return good(formatMinutesOfDay(hours * 60 + minutes));
  },
  format: asText,
};

/** One of a fixed list; case and spaces are forgiven ("Day centre" reads as "day-centre"). */
export function oneOf(values: readonly string[]): Codec {
  return {
    type: values.join(" | "),
    parse(t) {
      const key = t
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-");
      return values.includes(key)
        ? good(key)
        : bad(`expected one of ${values.join(", ")}; found "${t.trim()}"`);
    },
    format: asText,
  };
}

/** Several values separated by ";". */
export function listOf(item: Codec): Codec {
  return {
    type: `${item.type}, several separated by ";"`,
    parse(t) {
      const values: unknown[] = [];
      for (const part of splitList(t)) {
        const parsed = item.parse(part);
        if (!parsed.ok) return parsed;
        values.push(parsed.value);
      }
      return good(values);
    },
    format: (v) => (Array.isArray(v) ? v.map((x) => item.format(x)).join(";") : ""),
  };
}

export function splitList(t: string): string[] {
  return t
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Seat layouts "12+2;8+4": seats + wheelchair spaces; "16" means 16 seats and no spaces. */
export const layouts: Codec = {
  type: 'seats+wheelchair spaces, several separated by ";"',
  parse(t) {
    const result: { seats: number; wheelchairSpaces: number }[] = [];
    for (const part of splitList(t)) {
      const match = /^(\d+)\s*(?:\+\s*(\d+))?$/.exec(part);
      if (!match) return bad(`expected layouts such as "12+2;8+4", found "${part}"`);
      result.push({ seats: Number(match[1]), wheelchairSpaces: Number(match[2] ?? 0) });
    }
    return good(result);
  },
  format(v) {
    if (!Array.isArray(v)) return "";
    return v
      .map(
        (l: { seats?: unknown; wheelchairSpaces?: unknown }) => `${l.seats}+${l.wheelchairSpaces}`,
      )
      .join(";");
  },
};

const DAY_NAMES: Record<string, Weekday> = Object.fromEntries(
  ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].flatMap(
    (name, i) => {
      const day = WEEKDAYS[i] as Weekday;
      return [
        [name, day],
        [day, day],
      ];
    },
  ),
);

/** Weekdays "mon;wed;fri" or a range "mon-fri"; full names are accepted. */
export const weekdays: Codec = {
  type: 'weekdays, e.g. "mon;wed;fri" or "mon-fri"',
  parse(t) {
    const days = new Set<Weekday>();
    for (const part of splitList(t.toLowerCase())) {
      const [from, to] = part.split("-").map((s) => DAY_NAMES[s.trim()]);
      if (!from || (part.includes("-") && !to)) {
        return bad(`expected weekdays such as "mon;wed;fri" or "mon-fri", found "${part}"`);
      }
      const start = WEEKDAYS.indexOf(from);
      const end = to ? WEEKDAYS.indexOf(to) : start;
      if (end < start) return bad(`the range "${part}" runs backwards`);
      for (let i = start; i <= end; i++) days.add(WEEKDAYS[i] as Weekday);
    }
    return good(WEEKDAYS.filter((d) => days.has(d)));
  },
  format: (v) => (Array.isArray(v) ? v.join(";") : ""),
};
