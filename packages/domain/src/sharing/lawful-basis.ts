import type { DataItem } from "./purposes";

/** UK GDPR Article 6(1): the lawful bases for processing personal data, (a) to (f). */
export const ARTICLE_6_BASES = [
  "consent",
  "contract",
  "legal-obligation",
  "vital-interests",
  "public-task",
  "legitimate-interests",
] as const;
export type Article6Basis = (typeof ARTICLE_6_BASES)[number];

export const ARTICLE_6_LABELS: Record<Article6Basis, string> = {
  consent: "Art. 6(1)(a) consent",
  contract: "Art. 6(1)(b) contract",
  "legal-obligation": "Art. 6(1)(c) legal obligation",
  "vital-interests": "Art. 6(1)(d) vital interests",
  "public-task": "Art. 6(1)(e) public task",
  "legitimate-interests": "Art. 6(1)(f) legitimate interests",
};

/** UK GDPR Article 9(2): the conditions for processing special category data, (a) to (j). */
export const ARTICLE_9_CONDITIONS = [
  "explicit-consent",
  "employment-social-protection",
  "vital-interests",
  "not-for-profit-body",
  "made-public",
  "legal-claims",
  "substantial-public-interest",
  "health-or-social-care",
  "public-health",
  "archiving-research",
] as const;
export type Article9Condition = (typeof ARTICLE_9_CONDITIONS)[number];

export const ARTICLE_9_LABELS: Record<Article9Condition, string> = {
  "explicit-consent": "Art. 9(2)(a) explicit consent",
  "employment-social-protection": "Art. 9(2)(b) employment, social security and social protection",
  "vital-interests": "Art. 9(2)(c) vital interests",
  "not-for-profit-body": "Art. 9(2)(d) not-for-profit body",
  "made-public": "Art. 9(2)(e) made public by the data subject",
  "legal-claims": "Art. 9(2)(f) legal claims and judicial acts",
  "substantial-public-interest": "Art. 9(2)(g) substantial public interest",
  "health-or-social-care": "Art. 9(2)(h) health or social care",
  "public-health": "Art. 9(2)(i) public health",
  "archiving-research": "Art. 9(2)(j) archiving, research and statistics",
};

/**
 * The data items this model treats as health (special category) data. `travel-needs` is not
 * among them: it holds only the flags that constrain a journey (wheelchair, passenger assistant,
 * may not travel with, door-to-door), never a diagnosis or condition, which stay in
 * `health-detail` (the Caldicott-minimal view drivers and planners see).
 */
export const HEALTH_DATA_ITEMS: readonly DataItem[] = ["health-detail"];

/** True when the items include health data, so an Article 9 condition is needed as well. */
export function needsArticle9(items: readonly DataItem[]): boolean {
  return items.some((item) => HEALTH_DATA_ITEMS.includes(item));
}
