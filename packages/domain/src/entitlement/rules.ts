import type { ResolvedParameter, ResolvedPolicy } from "./policy";
import type { Alternative, Reason, Regime, RuleDefinition } from "./types";

export type ReasonInputs = Reason["inputs"];

/** A checked rule: the definition, whether it was met and the inputs it read. */
export function reason(
  rule: RuleDefinition,
  met: boolean,
  text: string,
  inputs: ReasonInputs = {},
): Reason {
  return { ruleId: rule.id, met, text, source: rule.source, confidence: rule.confidence, inputs };
}

/** The source text of a parameter, for citing it inside a reason. */
export function cite(parameter: ResolvedParameter): string {
  return `${parameter.value} ${parameter.unit} (${parameter.origin}: ${parameter.source})`;
}

/** What the assessment date and policy give every regime. */
export interface RuleContext {
  readonly policy: ResolvedPolicy;
  readonly assessedOn: string;
}

/** What a regime decides; `assess` adds the dates and the policy reference. */
export interface RegimeOutcome {
  readonly regime: Regime;
  readonly eligible: boolean;
  readonly category: string;
  readonly decidedBy: string;
  readonly legalBasis: string;
  readonly estimated: boolean;
  readonly reasons: readonly Reason[];
  readonly alternatives: readonly Alternative[];
  readonly signposts: readonly string[];
  readonly contributionPence: number;
  /** A date before the standard review when the rules change for this person (e.g. a birthday). */
  readonly reviewBy?: string;
  readonly reviewWorkingDays?: number;
}

/** The first met reason, or undefined. */
export function decisive(reasons: readonly Reason[]): Reason | undefined {
  return reasons.find((r) => r.met);
}

/** The deciding rule: the winner, else the first failed gate, else `fallback`. */
export function decidedBy(
  winner: Reason | undefined,
  gates: readonly Reason[],
  fallback: string,
): string {
  return winner?.ruleId ?? gates.find((g) => !g.met)?.ruleId ?? fallback;
}

/** Miles to two decimal places, so explanations and limits agree. */
export function roundMiles(miles: number): number {
  return Math.round(miles * 100) / 100;
}
