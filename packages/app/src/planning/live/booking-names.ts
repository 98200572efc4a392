import { type BookingInput, inTerm } from "@tt/domain";
import { AppError } from "../../shared";
import { findFleetVehicles } from "../fleet-reads";
import type { BookingUnitOfWork, OfferedOption } from "./booking-service";
import type { InsertionOption, NoOption } from "./insertion-options";

type Repositories = BookingUnitOfWork["repositories"];

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The options with their vehicles' references (the organisation's own, or granted to it). */
export async function namedOptions(
  repos: Repositories,
  org: string,
  options: readonly InsertionOption[],
): Promise<OfferedOption[]> {
  const vehicles = await findFleetVehicles(
    repos,
    org,
    options.map((o) => o.vehicle),
  );
  return options.map((o) => ({
    ...o,
    vehicleReference: vehicles.get(o.vehicle)?.reference ?? o.vehicle,
  }));
}

/** The refusals' examples with vehicles' references in place of their ids. */
export async function namedRefusals(
  repos: Repositories,
  org: string,
  refusals: readonly NoOption[],
): Promise<NoOption[]> {
  const ids = [...new Set(refusals.flatMap((r) => r.example.match(UUIDS) ?? []))];
  if (ids.length === 0) return [...refusals];
  const vehicles = await findFleetVehicles(repos, org, ids);
  // Only the vehicles' ids: another id (a trip's) is left as it is.
  const name = (id: string) => vehicles.get(id)?.reference ?? id;
  return refusals.map((r) => ({ ...r, example: r.example.replace(UUIDS, name) }));
}

/**
 * A repeating booking named a term calendar of the organisation, and its first day is in term:
 * otherwise the trip would be booked into a day it never travels.
 */
export async function mustBeInTerm(
  repos: Repositories,
  org: string,
  booking: BookingInput,
): Promise<void> {
  const id = booking.repeat?.termCalendarId;
  if (!id) return;
  const calendar = await repos.termCalendars.find(org, id);
  if (!calendar) {
    throw new AppError("validation-failed", `No term calendar ${id} in the register.`, [
      { path: "repeat.termCalendarId", message: "no such term calendar" },
    ]);
  }
  if (inTerm(booking.date, calendar.periods)) return;
  throw new AppError("validation-failed", `${booking.date} is not in a term of ${calendar.name}.`, [
    { path: "date", message: `not in a term of ${calendar.name}` },
  ]);
}
