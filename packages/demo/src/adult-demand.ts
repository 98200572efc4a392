import { haversineMetres, type PlaceInput } from "@tt/domain";
import { clock, DEMO_WEEK, FINANCIAL_YEAR_END, FINANCIAL_YEAR_START } from "./calendar";
import {
  addPassenger,
  addTrips,
  type DemandContext,
  dateOfBirthBetween,
  outboundAndReturn,
  padded,
  tripFromHome,
} from "./demand-context";
import type { Home } from "./homes";
import { drawAdultNeeds } from "./needs";

/** How many adults of each service the demo has. */
export const ADULT_DEMAND = { adultDayService: 220 } as const;

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/** The nearest place to a home. */
export function nearestPlace(home: Home, places: readonly PlaceInput[]): PlaceInput {
  let best: PlaceInput | undefined;
  let bestMetres = Number.POSITIVE_INFINITY;
  for (const place of places) {
    const metres = haversineMetres(home, place);
    if (metres < bestMetres) {
      best = place;
      bestMetres = metres;
    }
  }
  if (!best) throw new Error("no place to choose from");
  return best;
}

/**
 * Adult social care day services: adults 19–85 at the nearest day centre of their council, two to
 * five days a week, arriving by 09:30 and leaving after 15:30 (the centres' hours).
 */
export function generateAdultDayServices(
  context: DemandContext,
  dayCentres: { cambridgeshire: readonly PlaceInput[]; peterborough: readonly PlaceInput[] },
): void {
  const { random } = context;
  for (let i = 1; i <= ADULT_DEMAND.adultDayService; i++) {
    const home = context.homes.sample("deprived");
    const centre = nearestPlace(home, dayCentres[home.council]);
    const reference = `ASC-${padded(i)}`;
    addPassenger(context, home.council, "adult-day-service", {
      reference,
      home,
      dateOfBirth: dateOfBirthBetween(random, "1941-01-01", "2007-08-31"),
      needs: drawAdultNeeds(random),
    });
    const days = WEEKDAYS.filter(() => random.chance(0.7));
    const outbound = tripFromHome(reference, "adult-day-service", centre, {
      funderKey: `${home.council === "peterborough" ? "pcc" : "ccc"}-asc`,
      purpose: "adult-day-service",
      timing: "arrive-by",
      time: centre.opensAt ?? "09:30",
      windowMinutes: 30,
      maxRideMinutes: 60,
      recurrence: {
        kind: "recurring",
        weekdays: days.length > 0 ? days : [random.pick(WEEKDAYS)],
        from: FINANCIAL_YEAR_START,
        to: FINANCIAL_YEAR_END,
      },
    });
    addTrips(
      context,
      home.council,
      outboundAndReturn(outbound, { time: centre.closesAt ?? "15:30", windowMinutes: 30 }),
    );
  }
}

/** A weekday of the demo week, and a time of day on a 15-minute grid between two clock times. */
export function demoDate(context: DemandContext): string {
  return context.random.pick(DEMO_WEEK);
}

export function quarterHourBetween(context: DemandContext, from: number, to: number): string {
  return clock(from + 15 * context.random.int(0, Math.floor((to - from) / 15)));
}
