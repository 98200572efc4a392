import type { z } from "zod";
import type { RegisterInput } from "../../ports";
import type { Codec } from "./codecs";
import type { CsvKind } from "./csv-port";
import type { Lookups } from "./lookups";

/** One column of a CSV file: its header, how its text is read and where the value goes. */
export interface Column {
  /** Lower-case header, words joined by "_". */
  readonly header: string;
  /** The header must be in the file. Blank cells still take the field's default, if it has one. */
  readonly required?: boolean;
  readonly codec: Codec;
  /** Dotted field of the row's draft that receives the value, e.g. `needs.wheelchair`. */
  readonly target: string;
  /** The schema field this column answers for when `target` is not one (grid references). */
  readonly reportsFor?: string;
  /** False for columns only read, never written (grid references: export writes lat/lon). */
  readonly exported?: boolean;
  readonly description: string;
}

/** A row's values by target field, nested along the dots. */
export type Draft = Record<string, unknown>;

/** A reference to another row of the same file, checked once the whole file has been read. */
export interface FileReference {
  readonly column: string;
  readonly reference: string;
  /** Field of the stored input that receives the referred row's id (set at insert time). */
  readonly assign?: string;
}

/** What a kind's `toInput` may do besides returning the input. */
export interface RowContext {
  readonly lookups: Lookups;
  report(column: string, message: string): void;
  /** True when the column's cell could not be read (already reported). */
  failed(column: string): boolean;
  /** The reference is not in the organisation; it must be another row of the file. */
  defer(reference: FileReference): void;
}

/** Everything the importer and exporter need to know about one kind of file. */
export interface CsvKindSpec<K extends CsvKind = CsvKind> {
  readonly kind: K;
  readonly columns: readonly Column[];
  /** Header groups of which at least one must be complete, e.g. lat+lon or easting+northing. */
  readonly oneOf?: readonly (readonly string[])[];
  /** Checks a row's input; what it answers is stored as the kind's input. */
  readonly schema: z.ZodType<RegisterInput<K>>;
  /** The other register kinds whose references or names the rows use. */
  readonly lookups: readonly LookupKind[];
  /** Turns a row's draft into schema input, resolving references; reports per column. */
  toInput(draft: Draft, context: RowContext): unknown;
  /**
   * A stored record as a draft (ids back to references and names), for export: called twice for
   * every row exported, so kinds build it with `Object.assign({}, record, …)`, several times faster
   * in V8 than an object literal spreading the record before more fields.
   */
  toDraft(record: Record<string, unknown>, lookups: Lookups): Draft;
}

export type LookupKind = "passengers" | "places" | "funders" | "operators" | "termCalendars";

/** A placeholder id for references resolved only when the referred row has been stored. */
export const PENDING_ID = "00000000-0000-4000-8000-000000000000";

export function setPath(target: Draft, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Draft = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next === "object" && next !== null) node = next as Draft;
    else {
      const created: Draft = {};
      node[key] = created;
      node = created;
    }
  }
  node[keys[keys.length - 1] as string] = value;
}

export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const key of pathKeys(path)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Draft)[key];
  }
  return node;
}

/** Column targets split at their dots, once each: `getPath` runs for every cell exported. */
const splitPaths = new Map<string, readonly string[]>();

function pathKeys(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = path.split(".");
    splitPaths.set(path, keys);
  }
  return keys;
}

const covers = (field: string, path: string) =>
  path === field || path.startsWith(`${field}.`) || field.startsWith(`${path}.`);

/** The header a schema issue belongs to, preferring columns present in the file. */
export function headerForPath(
  columns: readonly Column[],
  present: ReadonlySet<string>,
  path: string,
): string {
  const candidates = [
    ...columns.filter((c) => covers(c.target, path)),
    ...columns.filter((c) => c.reportsFor !== undefined && covers(c.reportsFor, path)),
  ];
  const found = candidates.find((c) => present.has(c.header)) ?? candidates[0];
  return found?.header ?? path;
}

/** Normalises a header as written in a spreadsheet: "Home Postcode" reads as `home_postcode`. */
export function normaliseHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
