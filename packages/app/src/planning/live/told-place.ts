import type { Request } from "@tt/solver";
import { type InsertionOption, insertionOptions, type TimedRun } from "./insertion-options";
import type { LiveProblem } from "./live-problem";

/** The pick-up window the passenger was told, minutes after midnight. */
export type ToldWindow = readonly [number, number];

/**
 * The cheapest place on any vehicle whose pick-up falls in the window told, trying every run
 * (nearest first), with the option's told window the one the passenger was given.
 */
export function placeWithinTold(
  live: LiveProblem,
  plan: { readonly runs: readonly TimedRun[] },
  request: Request,
  told: ToldWindow,
): InsertionOption | undefined {
  const [early, late] = request.pickup.window;
  const from = Math.max(early, told[0]);
  const to = Math.min(late, told[1]);
  if (from > to) return undefined;
  const narrowed = { ...request, pickup: { ...request.pickup, window: [from, to] as const } };
  const found = insertionOptions(live, plan, narrowed, { max: 1, all: true }).options[0];
  return found ? { ...found, pickupWindow: told } : undefined;
}
