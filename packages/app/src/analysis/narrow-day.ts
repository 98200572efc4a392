import type { DayRegister } from "../planning";

/**
 * The day narrowed to the chosen funders: their trip requests and the passengers those name, and
 * the vehicles whose silo (`siloOf`, funder ids) includes a chosen funder or that no silo claims.
 * Places, staff and term calendars stay as they are.
 */
export function narrowToFunders(
  day: DayRegister,
  chosen: ReadonlySet<string>,
  siloOf: (vehicleId: string) => readonly string[] | undefined = () => undefined,
): DayRegister {
  const tripRequests = day.tripRequests.filter((t) => chosen.has(t.funderId));
  const travelling = new Set(tripRequests.map((t) => t.passengerId));
  const vehicles = day.vehicles.filter((v) => {
    const silo = siloOf(v.id);
    return silo === undefined || silo.some((id) => chosen.has(id));
  });
  return {
    ...day,
    tripRequests,
    passengers: day.passengers.filter((p) => travelling.has(p.id)),
    vehicles,
  };
}
