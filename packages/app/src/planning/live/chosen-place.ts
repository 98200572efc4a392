import { findMinutesOfDay, timeOfDaySchema } from "@tt/domain";
import type { Request } from "@tt/solver";
import { z } from "zod";
import type { StoredPlan } from "../../ports";
import { parseInput } from "../../shared";
import { noLongerFits } from "./booking-parts";
import { type InsertionOption, insertionOptions, type TimedRun } from "./insertion-options";
import type { LiveProblem } from "./live-problem";
import { timedRuns } from "./timed-runs";

/** The pick-up window the passenger was told, minutes after midnight. */
export type ToldWindow = readonly [number, number];

const toldWindowSchema = z.tuple([timeOfDaySchema, timeOfDaySchema]);

export function toldMinutes(input: unknown): ToldWindow {
  const [from, to] = parseInput(toldWindowSchema, input, "pick-up window told");
  return [findMinutesOfDay(from) ?? 0, findMinutesOfDay(to) ?? 0];
}

/**
 * The trip's place on the vehicle chosen; when its room has gone, the cheapest place on any other
 * vehicle (the fleet's unused ones included, however far) that picks up in the window the
 * passenger was told: the engine inserts the trip with its pick-up window narrowed to the one
 * told, so the cheapest such place is found, not only among the cheapest places of the trip's
 * wider window. Refused (409) when neither fits.
 */
export function placeOn(
  prepared: { readonly live: LiveProblem; readonly plan: StoredPlan; readonly request: Request },
  vehicleId: string,
  told: ToldWindow | undefined,
): InsertionOption {
  const { live, plan, request } = prepared;
  const runs = timedRuns(plan);
  const found = insertionOptions(live, runs, request, { only: vehicleId, max: 1 });
  const chosen = found.options[0];
  if (chosen) return chosen;
  const within = told ? placeWithinTold(live, runs, request, told) : undefined;
  if (within) return within;
  throw noLongerFits(vehicleId, found.refusals);
}

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
