import { findMinutesOfDay, timeOfDaySchema } from "@tt/domain";
import type { Request } from "@tt/solver";
import { z } from "zod";
import type { StoredPlan } from "../../ports";
import { parseInput } from "../../shared";
import { noLongerFits } from "./booking-parts";
import { type InsertionOption, insertionOptions } from "./insertion-options";
import type { LiveProblem } from "./live-problem";
import { type MovedOption, placeByMoving } from "./moved-place";
import { timedRuns } from "./timed-runs";
import { placeWithinTold, type ToldWindow } from "./told-place";

export type { ToldWindow };

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
 * wider window; failing that, a nearby run relieved of one passenger who fits on another run in
 * their own window told (`placeByMoving`). Refused (409) when none fits.
 */
export function placeOn(
  prepared: { readonly live: LiveProblem; readonly plan: StoredPlan; readonly request: Request },
  vehicleId: string,
  told: ToldWindow | undefined,
): InsertionOption | MovedOption {
  const { live, plan, request } = prepared;
  const runs = timedRuns(plan);
  const found = insertionOptions(live, runs, request, { only: vehicleId, max: 1 });
  const chosen = found.options[0];
  if (chosen) return chosen;
  if (!told) throw noLongerFits(vehicleId, found.refusals);
  const within = placeWithinTold(live, runs, request, told);
  if (within) return within;
  // No run can take it as it stands: one nearby run relieved of a passenger who fits elsewhere.
  const moving = placeByMoving(live, runs, request, told);
  if (moving) return moving;
  throw noLongerFits(vehicleId, found.refusals);
}
