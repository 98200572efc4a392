import type { ResourceInput, ResourceKind, ResourceRecord, StoredFields } from "@tt/contract";
import type { Problem } from "../api";
import type { Choice } from "../components/select-field";

export type FieldType = "text" | "number" | "date" | "time" | "select" | "radios" | "checkboxes";

/** One question on a register form, and how the API names it in its errors. */
export interface FieldSpec {
  /** The input's name and id (the first input's, for a group). */
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly hint?: string;
  /** The message when it is left empty; fields without one are optional. */
  readonly required?: string;
  readonly choices?: readonly Choice[];
  /** For a select: the text of an empty first choice. */
  readonly blank?: string;
  readonly width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  /** For a number: the range the API accepts, and whether it must be whole. */
  readonly range?: { readonly min: number; readonly max: number; readonly whole?: boolean };
  /** The API's issue paths that belong to this field (default: its name). */
  readonly paths?: readonly string[];
}

/** A form's answers: text for most fields, the ticked values for checkboxes. */
export type Values = Readonly<Record<string, string | readonly string[]>>;

export type InputResult<K extends ResourceKind> =
  | { readonly input: ResourceInput<K> }
  | { readonly problems: Problem[] };

/** How a register kind is added and edited: its questions and the API input they make. */
export interface FormSpec<K extends ResourceKind> {
  readonly kind: K;
  /** "passenger": used in the page's heading and the banner. */
  readonly singular: string;
  readonly fields: readonly FieldSpec[];
  /** The answers a new row starts with. */
  readonly initial?: Values;
  /** Choices read from the API when the form opens (e.g. funders), by field name. */
  readonly loadChoices?: () => Promise<Record<string, Choice[]>>;
  valuesOf(record: ResourceRecord<K>): Values | Promise<Values>;
  /** The API input; `base` is the stored row when editing (fields the form does not show). */
  inputOf(values: Values, base?: ResourceRecord<K>): InputResult<K> | Promise<InputResult<K>>;
}

/** A value as text ("" for none). */
export const textOf = (values: Values, name: string): string => {
  const value = values[name];
  return typeof value === "string" ? value : "";
};

/** A value as text, or undefined when empty (optional API fields). */
export const optionalOf = (values: Values, name: string): string | undefined =>
  textOf(values, name) || undefined;

export const numberOf = (values: Values, name: string): number => Number(textOf(values, name));

/** The ticked values of a checkbox group. */
export const listOf = (values: Values, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? [...value] : [];
};

/** A number as form text ("" for none). */
export const shown = (value: number | string | undefined | null): string =>
  value === undefined || value === null ? "" : String(value);

/** Words for a value like "front-seat": "front seat". */
export const words = (value: string) => value.replaceAll("-", " ");

/** Choices whose text is the value in words, first letter capitalised. */
export function choicesOf(values: readonly string[]): Choice[] {
  return values.map((value) => {
    const text = words(value);
    return { value, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}` };
  });
}

/**
 * What an edit keeps of the stored row: its input fields without the stored ones, so that fields
 * the form does not show (a vehicle's other layouts, a trip's term calendar) are sent back as they are.
 */
export function keptOf<T extends StoredFields>(
  base: T | undefined,
): Partial<Omit<T, keyof StoredFields>> {
  if (!base) return {};
  const { id: _id, organisationId: _org, createdAt: _created, updatedAt: _updated, ...kept } = base;
  return kept;
}
