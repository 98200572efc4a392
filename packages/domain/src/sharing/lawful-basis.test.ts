import { describe, expect, it } from "vitest";
import {
  ARTICLE_6_BASES,
  ARTICLE_6_LABELS,
  ARTICLE_9_CONDITIONS,
  ARTICLE_9_LABELS,
  needsArticle9,
} from "./lawful-basis";

describe("lawful bases", () => {
  it("labels all six Article 6 bases and ten Article 9 conditions, in statute order", () => {
    expect(ARTICLE_6_BASES).toHaveLength(6);
    expect(ARTICLE_9_CONDITIONS).toHaveLength(10);
    const letters = "abcdefghij";
    ARTICLE_6_BASES.forEach((basis, i) => {
      expect(ARTICLE_6_LABELS[basis]).toContain(`6(1)(${letters[i]})`);
    });
    ARTICLE_9_CONDITIONS.forEach((condition, i) => {
      expect(ARTICLE_9_LABELS[condition]).toContain(`9(2)(${letters[i]})`);
    });
  });
});

describe("needsArticle9", () => {
  it("is true when health detail is shared", () => {
    expect(needsArticle9(["identity", "health-detail"])).toBe(true);
  });

  it("treats travel needs as constraint flags, not health data", () => {
    expect(needsArticle9(["identity", "travel-needs", "trips"])).toBe(false);
    expect(needsArticle9([])).toBe(false);
  });
});
