import { ApiError } from "@tt/contract";
import { type Problem, problemsOf } from "../api";
import { dateFromParts } from "../components/date-field";
import type { FieldSpec, Values } from "./form-model";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The answers in a submitted form, by field name. */
export function readValues(form: FormData, fields: readonly FieldSpec[]): Values {
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    if (field.type === "checkboxes") values[field.name] = form.getAll(field.name).map(String);
    else if (field.type === "date") values[field.name] = dateFromParts(form, field.name);
    else values[field.name] = String(form.get(field.name) ?? "").trim();
  }
  return values;
}

/** A field's name in a sentence: its label without a note in brackets, "(optional)". */
const nameOf = (field: FieldSpec) => field.label.replace(/ \([^)]*\)$/, "");

/** What is wrong with one answer, in GOV.UK's words, or undefined. */
function problemWith(field: FieldSpec, value: string | readonly string[]): string | undefined {
  if (value.length === 0) return field.required;
  if (typeof value !== "string") return undefined;
  const label = nameOf(field);
  if (field.type === "number") {
    const n = Number(value);
    if (Number.isNaN(n)) return `${label} must be a number`;
    if (field.range?.whole && !Number.isInteger(n)) return `${label} must be a whole number`;
    if (field.range && (n < field.range.min || n > field.range.max)) {
      return `${label} must be between ${field.range.min} and ${field.range.max}`;
    }
  }
  if (field.type === "date" && !isRealDate(value)) return `${label} must be a real date`;
  if (field.type === "time" && !TIME.test(value)) {
    return `${label} must be a time on the 24-hour clock, like 08:45`;
  }
  return undefined;
}

/** The problems the browser can see before asking the server: empty and malformed answers. */
export function checkValues(fields: readonly FieldSpec[], values: Values): Problem[] {
  return fields.flatMap((field) => {
    const text = problemWith(field, values[field.name] ?? "");
    return text ? [{ text, href: `#${field.name}` }] : [];
  });
}

function fieldFor(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  const owns = (f: FieldSpec) => f.paths ?? [f.name];
  return (
    fields.find((f) => owns(f).includes(path)) ??
    fields.find((f) => owns(f).some((p) => path.startsWith(`${p}.`)))
  );
}

/** An API message as a sentence: "is required" becomes "Given name is required". */
function sentence(field: FieldSpec | undefined, path: string, message: string): string {
  const subject = field ? nameOf(field) : path;
  if (/^(is|are|must|should) /.test(message)) return `${subject} ${message}`;
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return field ? text : `${path}: ${text}`;
}

/** The server's refusal (422, or 409 for a reference in use), each problem linked to its field. */
export function serverProblems(error: unknown, fields: readonly FieldSpec[]): Problem[] {
  if (!(error instanceof ApiError) || error.details.length === 0) return problemsOf(error);
  return error.details.map((issue) => {
    const field = fieldFor(fields, issue.path);
    const text = sentence(field, issue.path, issue.message);
    return field ? { text, href: `#${field.name}` } : { text };
  });
}
