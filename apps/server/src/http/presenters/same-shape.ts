/**
 * Compile-time checks that an app type and its contract schema's type describe the same data, so
 * that a presenter can hand one to the other without a cast and neither can drift unnoticed:
 *
 *     const _plan: SameShape<PlanSummary, PlanSummaryView> = true;
 *
 * fails to compile when a field is added, removed or retyped on either side.
 */
export type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Each assignable to the other (readonly and optional-vs-undefined differences allowed). */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
