/**
 * The app's URL query strings: plain `key=value` pairs (no JSON), each page's keys validated into
 * a typed object. A value that cannot be read throws an error naming the parameter, its value and
 * the page, which the route shows in an error summary.
 */

/** The raw pairs of a query string, every value a string (the last one wins for a repeated key). */
export function parseSearch(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}

/** `?key=value&…` for the keys with a value (empty strings and undefined are left out). */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A query parameter that cannot be read: its message names the parameter, value and page. */
export class SearchParamProblem extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    readonly page: string,
    expected: string,
  ) {
    super(`The address's "${parameter}" on ${page} must be ${expected}, not "${value}".`);
    this.name = "SearchParamProblem";
  }
}

/** The parameter as text, or undefined when absent or empty. */
export function textParam(raw: Record<string, unknown>, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** A whole number of at least 1 (a page number), or undefined when absent. */
export function pageParam(raw: Record<string, unknown>, page: string): number | undefined {
  const text = textParam(raw, "page");
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) {
    throw new SearchParamProblem("page", text, page, "a whole number from 1");
  }
  return Number(text);
}

/** One of `options`, or undefined when absent. */
export function choiceParam<T extends string>(
  raw: Record<string, unknown>,
  name: string,
  options: readonly T[],
  page: string,
): T | undefined {
  const text = textParam(raw, name);
  if (text === undefined) return undefined;
  const found = options.find((option) => option === text);
  if (found === undefined) {
    throw new SearchParamProblem(name, text, page, `one of ${options.join(", ")}`);
  }
  return found;
}

/** True for a calendar date that exists, written YYYY-MM-DD ("2026-02-30" is not one). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A real calendar date written YYYY-MM-DD, or undefined when absent. */
export function dateParam(
  raw: Record<string, unknown>,
  name: string,
  page: string,
): string | undefined {
  const text = textParam(raw, name);
  if (text === undefined) return undefined;
  if (!isRealDate(text))
    throw new SearchParamProblem(name, text, page, "a date written YYYY-MM-DD");
  return text;
}

/** Longest search text kept from an address (the API bounds it too). */
export const MAX_SEARCH_LENGTH = 200;

/** Free text such as a search, bounded, or undefined when absent. */
export function boundedText(
  raw: Record<string, unknown>,
  name: string,
  page: string,
): string | undefined {
  const text = textParam(raw, name);
  if (text !== undefined && text.length > MAX_SEARCH_LENGTH) {
    throw new SearchParamProblem(
      name,
      `${text.slice(0, 20)}…`,
      page,
      `at most ${MAX_SEARCH_LENGTH} characters`,
    );
  }
  return text;
}
