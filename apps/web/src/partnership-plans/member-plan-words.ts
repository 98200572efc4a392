import type { MemberPlan } from "../api";
import { pounds, reasonText } from "../planning/format";
import { isRealDate } from "../routes/search-params";

/** What is wrong with the date asked for (as the date field makes it), or undefined. */
export function planDateProblem(date: string): string | undefined {
  if (date === "") return "Enter the date of the plans";
  if (!isRealDate(date)) return "The date of the plans must be a real date, like 24 11 2026";
  return undefined;
}

const count = (n: number) => n.toLocaleString("en-GB");

/** The summary list of your part of a plan: your trips and cost against the plan's. */
export function memberPlanFacts(plan: MemberPlan): [string, string][] {
  return [
    ["Your trips", count(plan.trips.length)],
    ["Your cost", pounds(plan.cost)],
    ["The plan's cost", pounds(plan.planCost)],
    ["Trips in the plan", count(plan.planTrips)],
  ];
}

/** Your unserved trips by reason, in words, the most common first (then by reason). */
export function unservedByReason(unassigned: MemberPlan["unassigned"]): [string, number][] {
  const byReason = new Map<string, number>();
  for (const u of unassigned) {
    const words = reasonText(u.reason);
    byReason.set(words, (byReason.get(words) ?? 0) + 1);
  }
  return [...byReason].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/**
 * Whether the plan names any of your trips by reference: the API withholds references from roles
 * that may not read passengers (finance), and then the tables leave that column out.
 */
export const hasReferences = (plan: MemberPlan) =>
  [...plan.trips, ...plan.unassigned].some((t) => t.reference !== null);
