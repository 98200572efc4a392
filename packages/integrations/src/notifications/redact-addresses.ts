/** What stands in for an address removed from a provider's words. */
export const REDACTED = "[address removed]";

/** Longest provider text kept in an error message; the rest is cut off. */
const MAX_LENGTH = 500;

const EMAIL_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
// A run of digits, spaces, brackets and dashes: a phone number when it holds seven digits or more.
// Not preceded by a word character, dot or dash, so the tail of a UUID or an SMTP status such as
// 5.1.1 is left alone.
const NUMBER_LIKE = /(?<![\w.-])\+?\(?\d[\d ()-]{5,}\d(?![\w-])/g;
const MIN_PHONE_DIGITS = 7;

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A provider's text made safe to keep in the message log: the recipient's address, and anything
 * else that looks like an email address or a phone number, replaced by {@link REDACTED}, and the
 * whole cut to a few hundred characters.
 */
export function redactAddresses(text: string, recipient: string): string {
  let safe = text.slice(0, MAX_LENGTH);
  const exact = recipient.trim();
  if (exact.length >= 3) {
    safe = safe.replace(new RegExp(escapeForRegExp(exact), "gi"), REDACTED);
  }
  return safe
    .replace(EMAIL_LIKE, REDACTED)
    .replace(NUMBER_LIKE, (run) =>
      (run.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS ? REDACTED : run,
    );
}

/** Whether `value` is an object with the property `key` (of a type still to be checked). */
export function hasProperty<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return typeof value === "object" && value !== null && key in value;
}

/** The string property `key` of `value`, when it has one. */
export function stringProperty(value: unknown, key: string): string | undefined {
  const found = hasProperty(value, key) ? value[key] : undefined;
  return typeof found === "string" ? found : undefined;
}

/** The numeric property `key` of `value`, when it has one. */
export function numberProperty(value: unknown, key: string): number | undefined {
  const found = hasProperty(value, key) ? value[key] : undefined;
  return typeof found === "number" ? found : undefined;
}
