import type { Problem } from "../api";

/** A warning to show with a message: what went wrong, and why (each reason a bullet). */
export interface Warned {
  readonly text: string;
  readonly reasons: readonly string[];
}

/** What a form reports: a message (with a warning, such as a bid's unfit reasons) or problems. */
export type Outcome = (
  result: { message: string; warning?: Warned | undefined } | { problems: Problem[] },
) => void;

/** The message of the first problem linked to the field, for the field's own error message. */
export const errorIn = (problems: readonly Problem[], id: string) =>
  problems.find((p) => p.href === `#${id}`)?.text;
