import { haversineMetres, type PlaceInput } from "@tt/domain";
import { demoDate, quarterHourBetween } from "./adult-demand";
import { clock } from "./calendar";
import {
  addPassenger,
  addTrips,
  type DemandContext,
  dateOfBirthBetween,
  outboundAndReturn,
  padded,
  tripFromHome,
} from "./demand-context";
import { type DemoLocality, type DemoLsoa, getLocality } from "./geography";
import { type Home, inCouncil } from "./homes";
import { drawPatientNeeds } from "./needs";
import type { DemoOrganisationKey } from "./scenario-types";

/** Demand-responsive transport passengers: rural homes only. */
export const DRT_DEMAND = {
  /** Booked with the county or city council's DRT (rural LSOAs of each council). */
  council: { cambridgeshire: 105, peterborough: 15 },
  /** Booked with the Fen Edge consortium's village service (homes within 8 km of Willingham). */
  consortium: 30,
  consortiumRadiusMetres: 8_000,
  /** Share of DRT trips with a booked return. */
  returnRate: 0.7,
  wheelchairRate: 0.05,
} as const;

export type DrtHubs = Partial<Record<DemoOrganisationKey, readonly PlaceInput[]>>;

export function generateDrtDemand(
  context: DemandContext,
  hubs: DrtHubs,
  localities: readonly DemoLocality[],
): void {
  const willingham = getLocality(localities, "Willingham");
  const near = (l: { lat: number; lon: number }) =>
    haversineMetres(l, willingham) <= DRT_DEMAND.consortiumRadiusMetres;
  for (let i = 1; i <= DRT_DEMAND.consortium; i++) {
    const home = context.homes.sample("population", { key: "fen-edge", test: near });
    addDrtPassenger(context, `FEV-${padded(i)}`, home, "consortium", hubs.consortium ?? []);
  }
  let index = 0;
  for (const council of ["cambridgeshire", "peterborough"] as const) {
    const area = inCouncil(council);
    const filter = {
      key: `${council}-not-fen-edge`,
      test: (l: DemoLsoa) => area.test(l) && !near(l),
    };
    for (let i = 1; i <= DRT_DEMAND.council[council]; i++) {
      const home = context.homes.sample("ruralOnly", filter);
      addDrtPassenger(context, `DRT-${padded(++index)}`, home, council, hubs[council] ?? []);
    }
  }
}

/** The nearest hub at least 1.5 km away (a DRT trip goes to another village or town). */
function hubFor(home: Home, hubs: readonly PlaceInput[]): PlaceInput {
  const ranked = hubs
    .map((hub) => ({ hub, metres: haversineMetres(home, hub) }))
    .sort((a, b) => a.metres - b.metres);
  const chosen = ranked.find((r) => r.metres >= 1_500) ?? ranked[0];
  if (!chosen) throw new Error("no DRT hub");
  return chosen.hub;
}

/**
 * A one-off DRT trip in the demo week: leave home after 09:00–13:00 (within 30 minutes), and for
 * 70% come back two to four hours later. Ages 16–92, most of them of concessionary-pass age.
 */
function addDrtPassenger(
  context: DemandContext,
  reference: string,
  home: Home,
  organisation: DemoOrganisationKey,
  hubs: readonly PlaceInput[],
): void {
  const { random } = context;
  addPassenger(context, organisation, "drt", {
    reference,
    home,
    dateOfBirth: random.chance(0.6)
      ? dateOfBirthBetween(random, "1934-06-01", "1960-06-01")
      : dateOfBirthBetween(random, "1961-01-01", "2010-11-01"),
    needs: drawPatientNeeds(random, DRT_DEMAND.wheelchairRate),
  });
  const time = quarterHourBetween(context, 540, 780);
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const funderKey =
    organisation === "consortium"
      ? "fen-edge"
      : organisation === "peterborough"
        ? "pcc-pt"
        : "ccc-pt";
  const outbound = tripFromHome(reference, "drt", hubFor(home, hubs), {
    funderKey,
    purpose: "demand-responsive",
    timing: "depart-after",
    time,
    windowMinutes: 30,
    maxRideMinutes: 60,
    recurrence: { kind: "one-off", date: demoDate(context) },
  });
  const trips = random.chance(DRT_DEMAND.returnRate)
    ? outboundAndReturn(outbound, {
        time: clock(minutes + 15 * random.int(8, 16)),
        windowMinutes: 30,
      })
    : [outbound];
  addTrips(context, organisation, trips);
}
