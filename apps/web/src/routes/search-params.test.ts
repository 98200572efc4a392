import { describe, expect, it } from "vitest";
import {
  boundedText,
  choiceParam,
  dateParam,
  MAX_SEARCH_LENGTH,
  pageParam,
  parseSearch,
  SearchParamProblem,
  stringifySearch,
} from "./search-params";

describe("query strings", () => {
  it("reads every value as text, never as JSON", () => {
    expect(parseSearch("?page=2&search=123&kind=school")).toEqual({
      page: "2",
      search: "123",
      kind: "school",
    });
    expect(parseSearch("")).toEqual({});
  });

  it("writes plain pairs, leaving out empty and undefined values", () => {
    expect(stringifySearch({ page: 2, search: "o'neil & co", kind: undefined, status: "" })).toBe(
      "?page=2&search=o%27neil+%26+co",
    );
    expect(stringifySearch({})).toBe("");
  });

  it("round-trips what it writes", () => {
    const search = { page: "3", search: "Smith, J", kind: "special-school" };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });
});

describe("page numbers", () => {
  it("reads whole numbers from 1, and nothing when absent", () => {
    expect(pageParam({ page: "4" }, "the page")).toBe(4);
    expect(pageParam({}, "the page")).toBeUndefined();
    expect(pageParam({ page: "" }, "the page")).toBeUndefined();
  });

  it.each(["0", "-1", "1.5", "two", "1e3"])("refuses %s, naming the parameter and page", (page) => {
    expect(() => pageParam({ page }, "the passengers page")).toThrow(SearchParamProblem);
    expect(() => pageParam({ page }, "the passengers page")).toThrow(
      `The address's "page" on the passengers page must be a whole number from 1, not "${page}".`,
    );
  });
});

describe("choices and dates", () => {
  it("keeps one of the options and refuses anything else, listing the options", () => {
    expect(choiceParam({ kind: "places" }, "kind", ["passengers", "places"], "p")).toBe("places");
    expect(choiceParam({}, "kind", ["passengers"], "p")).toBeUndefined();
    expect(() => choiceParam({ kind: "cars" }, "kind", ["passengers", "places"], "p")).toThrow(
      'must be one of passengers, places, not "cars"',
    );
  });

  it("keeps real dates written YYYY-MM-DD", () => {
    expect(dateParam({ date: "2026-11-24" }, "date", "p")).toBe("2026-11-24");
    expect(dateParam({ date: "2028-02-29" }, "date", "p")).toBe("2028-02-29");
  });

  it.each(["2026-02-30", "24/11/2026", "2026-1-5", "tomorrow"])("refuses %s", (date) => {
    expect(() => dateParam({ date }, "date", "the planning page")).toThrow(
      `"date" on the planning page must be a date written YYYY-MM-DD`,
    );
  });

  it("bounds free text", () => {
    expect(boundedText({ search: "  smith " }, "search", "p")).toBe("smith");
    const long = "x".repeat(MAX_SEARCH_LENGTH + 1);
    expect(() => boundedText({ search: long }, "search", "p")).toThrow(
      `at most ${MAX_SEARCH_LENGTH} characters`,
    );
  });
});
