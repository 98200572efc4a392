import { findMinutesOfDay, timeOfDaySchema } from "@tt/domain";
import type { Request } from "@tt/solver";
import { z } from "zod";
import type { StoredPlan } from "../../ports";
import { parseInput } from "../../shared";
import { noLongerFits } from "./booking-parts";
import { type InsertionOption, insertionOptions } from "./insertion-options";
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
 * The trip's place on the vehicle chosen; when its room has gone, the cheapest of the nearest
 * other vehicles whose pick-up falls in the window the passenger was told. Refused (409) when
 * neither fits.
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
  const within = told
    ? insertionOptions(live, runs, request, {}).options.find(
        (o) => o.pickup >= told[0] && o.pickup <= told[1],
      )
    : undefined;
  if (within) return within;
  throw noLongerFits(vehicleId, found.refusals);
}
