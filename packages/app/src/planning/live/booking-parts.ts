import type { BookingEntitlement, BookingInput, TripRequest } from "@tt/domain";
import { bookedTripRequest } from "@tt/domain";
import type { Clock } from "../../ports";
import { type Actor, AppError, authorise } from "../../shared";
import type { InsertionOption, NoOption } from "./insertion-options";

/**
 * The booking desk's grants, checked before anything is read: it writes trip requests into plans
 * it may read (booking agents, commissioners).
 */
export function authoriseDesk(actor: Actor): void {
  authorise(actor, "trip-requests", "write");
  authorise(actor, "plans", "read");
}

/** The provisional id of the trip being booked, until its trip request is stored. */
export const PROVISIONAL = "booking";

/** The trip as a stored request would be, before it is stored (for the mapping's rules). */
export function provisionalTrip(booking: BookingInput, organisationId: string): TripRequest {
  const now = new Date(0).toISOString();
  return {
    ...bookedTripRequest(booking, booking.reference ?? PROVISIONAL),
    id: PROVISIONAL,
    organisationId,
    createdAt: now,
    updatedAt: now,
  };
}

/** A booking's reference: BK, the day booked and a short random part. */
export function bookingReference(clock: Clock): string {
  const day = clock.now().toISOString().slice(0, 10).replaceAll("-", "");
  return `BK-${day}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
}

export function renameIn(option: InsertionOption, from: string, to: string): InsertionOption {
  const rename = (run: InsertionOption["run"]) => ({
    ...run,
    stops: run.stops.map((s) =>
      s.kind !== "break" && s.request === from ? { ...s, request: to } : s,
    ),
  });
  return { ...option, run: rename(option.run) };
}

export function notEntitled(entitlement: Extract<BookingEntitlement, { ok: false }>): AppError {
  return new AppError("conflict", entitlement.message, [
    { path: "passengerId", message: `${entitlement.regime}: ${entitlement.rule}` },
  ]);
}

export function noLongerFits(vehicleId: string, refusals: readonly NoOption[]): AppError {
  const why = refusals[0]?.example;
  return new AppError(
    "conflict",
    `Vehicle ${vehicleId} cannot take the trip${why ? ` (${why})` : ""}: another booking may have taken the room, so ask for the options again.`,
    [{ path: "vehicleId", message: "no longer an option" }],
  );
}
