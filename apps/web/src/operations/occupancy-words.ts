import type { OccupancyView, TapImportReportView } from "@tt/contract";
import { WEEKDAY_NAMES } from "../booking/repeat-words";

type Row = OccupancyView["rows"][number];

export const weekdayName = (day: Row["weekday"]) => WEEKDAY_NAMES[day];

/** The choices of percentile a commissioner sizes runs at. */
export const PERCENTILES = [50, 75, 85, 90, 95, 100] as const;

/** What an import stored, in one sentence. */
export function importedText(r: TapImportReportView): string {
  const period = r.from && r.to ? `, ${r.from} to ${r.to}` : "";
  const held = r.duplicates > 0 ? ` (${r.duplicates} were already held)` : "";
  const vehicles = `${r.vehicles} vehicle${r.vehicles === 1 ? "" : "s"}`;
  return `Imported ${r.rows} taps on ${vehicles}${period}${held}; ${r.withPassenger} name a passenger.`;
}

/** Seats against the plan: where the suggested seats differ from what the plan put on board. */
export function seatsVerdict(row: Row): string {
  if (row.suggestedSeats > row.seats) return "More travellers than seats";
  if (row.plannedTravellers === null) return "No operating plan";
  if (row.suggestedSeats < row.plannedTravellers) {
    return `${row.plannedTravellers - row.suggestedSeats} planned seats not used`;
  }
  if (row.suggestedSeats > row.plannedTravellers) {
    return `${row.suggestedSeats - row.plannedTravellers} more than planned`;
  }
  return "As planned";
}

/** The sweeper proposal in words. */
export function sweeperText(o: OccupancyView): string {
  if (o.sweeperSeats === null) return "Every planned run has taps: no sweeper is needed.";
  const runs = o.uncovered.length;
  const these = runs === 1 ? "1 planned run has" : `${runs} planned runs have`;
  return `${these} no taps yet: keep a sweeper vehicle of at least ${o.sweeperSeats} seats on call until the taps cover them.`;
}
