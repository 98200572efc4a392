import type { Run } from "@tt/solver";
import type { Detour } from "./insertion-options";

/** Pick-up and ride time of each request on a run. */
function ridesOf(run: Run | undefined): Map<string, { pickup: number; ride: number }> {
  const rides = new Map<string, { pickup: number; ride: number }>();
  for (const s of run?.stops ?? []) {
    if (s.kind === "break") continue;
    const seen = rides.get(s.request);
    if (s.kind === "pickup") rides.set(s.request, { pickup: s.start, ride: -s.departure });
    else if (seen) seen.ride += s.start;
  }
  return rides;
}

export function detourOf(before: Run | undefined, after: Run, booked: string): Detour {
  const was = ridesOf(before);
  let passengers = 0;
  let addedRideMinutes = 0;
  let largestPickupShift = 0;
  for (const [id, now] of ridesOf(after)) {
    const then = was.get(id);
    if (id === booked || !then) continue;
    const shift = Math.abs(now.pickup - then.pickup);
    const longer = now.ride - then.ride;
    if (shift < 0.01 && Math.abs(longer) < 0.01) continue;
    passengers += 1;
    addedRideMinutes += Math.max(0, longer);
    largestPickupShift = Math.max(largestPickupShift, shift);
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    passengers,
    addedRideMinutes: round1(addedRideMinutes),
    largestPickupShift: round1(largestPickupShift),
  };
}
