import { notFound } from "@tanstack/react-router";

/** Ids in the app's addresses: letters, digits, `_` and `-` (a UUID or a reference). */
const ID = /^[\w-]{1,100}$/;

export const isId = (value: string) => ID.test(value);

/** The id, or the not-found page when the address holds something that cannot be one. */
export function idParam(value: string): string {
  if (!isId(value)) throw notFound();
  return value;
}
