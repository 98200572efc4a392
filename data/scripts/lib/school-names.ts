/**
 * Rules that turn NaPTAN stop texts (CommonName, Landmark, Indicator) into school names and phases.
 * A text names a school when a school word ends it (optionally followed by "grounds", "forecourt"
 * or "entrance"), so "School Lane", "High Street" and "High School Close" are not schools.
 */

export type SchoolPhase =
  | "primary"
  | "secondary"
  | "all-through"
  | "special"
  | "post-16"
  | "nursery"
  | "unknown";

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bSchl?\b\.?/gi, "School"],
  [/\bColl?\b\.?/gi, "College"],
  [/\bAcad\b\.?/gi, "Academy"],
  [/\bPrim\b\.?/gi, "Primary"],
  [/\bReg\b\.?/gi, "Regional"],
  [/\bRd\b\.?/gi, "Road"],
  [/\b6th\b/gi, "Sixth"],
  [/\bInfants\b/gi, "Infant"],
];

const SCHOOL_END =
  /\b(school|college|academy|primary|infant|junior|grammar|sixth form)(\s+(grounds|forecourt|entrance))?$|^(the\s+)?college of\s/i;

/** Cambridge University colleges and faculties: named "College"/"School" but not schools. */
const NOT_SCHOOLS =
  /\b(christ's|churchill|clare|corpus christi|darwin|downing|emmanuel|fitzwilliam|girton|gonville|homerton|hughes hall|jesus|king's|lucy cavendish|magdalene|murray edwards|newnham|pembroke|peterhouse|queens'|robinson|st catharine's|st edmund's|st john's|selwyn|sidney sussex|trinity|wolfson) college\b|\bvet(erinary)? school\b|\buni\b/i;

/** Words that, alone, do not identify which school is meant. */
const GENERIC_WORDS = new Set([
  "the",
  "school",
  "college",
  "academy",
  "primary",
  "infant",
  "junior",
  "grammar",
  "high",
  "nursery",
  "village",
  "community",
  "county",
  "regional",
  "sixth",
  "form",
  "c",
  "of",
  "e",
  "st",
  "saint",
  "ce",
  "rc",
  "and",
]);

function normalise(text: string): string {
  let out = text.replace(/\s+/g, " ").trim();
  for (const [pattern, replacement] of ABBREVIATIONS) out = out.replace(pattern, replacement);
  return out;
}

/** Keeps the part of "Lincoln Road for Kings School" or "West Street adj X School" naming the school. */
function stripLeadIn(text: string): string {
  const match = /\b(?:for|adj|opp|o\/s|near|nr)\s+(.+)$/i.exec(text);
  return match?.[1] ?? text;
}

/** The school named by one stop text, without "grounds"/"forecourt", or undefined. */
export function schoolNameFrom(text: string): string | undefined {
  const name = stripLeadIn(normalise(text));
  if (!SCHOOL_END.test(name) || NOT_SCHOOLS.test(name)) return undefined;
  return name
    .replace(/\s+(grounds|forecourt|entrance)$/i, "")
    .replace(/^the busway\s+/i, "")
    .replace(/^the\s+/i, "")
    .trim();
}

export function distinctiveTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, "")
    .split(" ")
    .filter((t) => t.length > 0 && !GENERIC_WORDS.has(t));
}

export function isGeneric(name: string): boolean {
  return distinctiveTokens(name).length === 0;
}

const PHASE_RULES: readonly (readonly [RegExp, SchoolPhase])[] = [
  [/\b(special|SEN|SEMH|ASD)\b/i, "special"],
  [/\ball[- ]through\b/i, "all-through"],
  [/\bsixth form\b|\bregional college\b|\bcollege of\b|\bfurther education\b/i, "post-16"],
  [/\bnursery\b/i, "nursery"],
  [/\b(primary|infant|junior|first school)\b/i, "primary"],
  [/\b(village college|community college|academy|high school|grammar|secondary)\b/i, "secondary"],
  [/\bcollege\b/i, "secondary"],
];

/** Guesses the phase from the name alone; returns the matched words as the basis. */
export function guessPhase(name: string): { phase: SchoolPhase; keyword: string } {
  for (const [pattern, phase] of PHASE_RULES) {
    const match = pattern.exec(name);
    if (match) return { phase, keyword: match[0].toLowerCase() };
  }
  return { phase: "unknown", keyword: "" };
}
