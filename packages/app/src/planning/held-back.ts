import { describeLapse, findMinutesOfDay } from "@tt/domain";
import type { Request } from "@tt/solver";
import type { HeldBackVehicle } from "./fleet-reads";
import { vehicleLayouts } from "./map-vehicles";
import { vehicleFeatures } from "./planning-rules";

/** A held-back vehicle as the planner's reasons name it: what it could have carried, and why not. */
export interface HeldBack {
  readonly reference: string;
  readonly features: readonly string[];
  readonly layouts: readonly (readonly number[])[];
  readonly shift: readonly [number, number];
  /** "MOT certificate AB12 expired on 2026-11-30". */
  readonly why: string;
}

export function heldBackOf(held: readonly HeldBackVehicle[]): HeldBack[] {
  return held.map(({ vehicle, lapses }) => ({
    reference: vehicle.reference,
    features: vehicleFeatures(vehicle.features),
    layouts: vehicleLayouts(vehicle),
    shift: [
      findMinutesOfDay(vehicle.availableFrom) ?? 0,
      findMinutesOfDay(vehicle.availableTo) ?? 0,
    ],
    why: lapses.map(describeLapse).join("; "),
  }));
}

/** For a passenger who needs an assistant: the assistants on shift but not rostered, and why. */
export function assistantsNote(whys: readonly string[]): string | undefined {
  if (whys.length === 0) return undefined;
  const more = whys.length > 3 ? ` and ${whys.length - 3} more` : "";
  return `Passenger assistants not rostered for a lapsed check: ${whys.slice(0, 3).join(", ")}${more}.`;
}

/**
 * For a request the plan could not serve: the held-back vehicles that have what it needs (its
 * features, a layout with room for it, on duty at its times), named with why they were held back.
 */
export function heldBackNote(request: Request, held: readonly HeldBack[]): string | undefined {
  const fits = held.filter(
    (v) =>
      (request.features ?? []).every((f) => v.features.includes(f)) &&
      v.layouts.some((l) => request.load.every((q, k) => q <= (l[k] ?? 0))) &&
      v.shift[0] <= request.pickup.window[1] &&
      v.shift[1] >= request.dropoff.window[0],
  );
  if (fits.length === 0) return undefined;
  const named = fits.slice(0, 3).map((v) => `${v.reference} (${v.why})`);
  const more = fits.length > 3 ? ` and ${fits.length - 3} more` : "";
  return `Held back for a lapsed compliance document, and able to carry it: ${named.join(", ")}${more}.`;
}
