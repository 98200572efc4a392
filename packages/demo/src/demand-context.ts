import type { Needs, PlaceInput, Random } from "@tt/domain";
import { addDays } from "./calendar";
import type { Home, HomeSampler } from "./homes";
import { randomName } from "./names";
import { organisationOf } from "./organisations";
import type {
  DemoOrganisation,
  DemoOrganisationKey,
  DemoPassenger,
  DemoService,
  DemoTrip,
} from "./scenario-types";

/** What every demand generator shares. */
export interface DemandContext {
  readonly random: Random;
  readonly homes: HomeSampler;
  readonly organisations: readonly DemoOrganisation[];
}

export const NO_NEEDS: Needs = {
  wheelchair: false,
  passengerAssistant: false,
  seating: "standard",
  travelAlone: false,
  doorThroughDoor: false,
  mayNotTravelWith: [],
};

/** Adds a passenger to an organisation and returns it. */
export function addPassenger(
  context: DemandContext,
  organisation: DemoOrganisationKey,
  service: DemoService,
  fields: { reference: string; home: Home; dateOfBirth: string; needs: Needs },
): DemoPassenger {
  const { givenName, familyName } = randomName(context.random);
  const passenger: DemoPassenger = {
    service,
    input: {
      reference: fields.reference,
      givenName,
      familyName,
      dateOfBirth: fields.dateOfBirth,
      homeAddress: fields.home.address,
      homeLat: fields.home.lat,
      homeLon: fields.home.lon,
      needs: fields.needs,
    },
  };
  organisationOf(context.organisations, organisation).passengers.push(passenger);
  return passenger;
}

export function addTrips(
  context: DemandContext,
  organisation: DemoOrganisationKey,
  trips: readonly DemoTrip[],
): void {
  organisationOf(context.organisations, organisation).trips.push(...trips);
}

/** A date of birth uniformly between two ISO dates. */
export function dateOfBirthBetween(random: Random, earliest: string, latest: string): string {
  const days = Math.round(
    (Date.parse(`${latest}T00:00:00Z`) - Date.parse(`${earliest}T00:00:00Z`)) / 86_400_000,
  );
  return addDays(earliest, random.int(0, days));
}

/** Born in the school year of this year group in 2026/27 (0 = Reception, 13 = Year 13). */
export function dateOfBirthForYearGroup(random: Random, yearGroup: number): string {
  const startYear = 2021 - yearGroup;
  return dateOfBirthBetween(random, `${startYear}-09-01`, `${startYear + 1}-08-31`);
}

/** An outbound trip and its linked return (the return's origin is the outbound's destination). */
export function outboundAndReturn(
  outbound: DemoTrip,
  back: { time: string; windowMinutes: number; recurrence?: DemoTrip["recurrence"] },
): [DemoTrip, DemoTrip] {
  return [
    outbound,
    {
      ...outbound,
      reference: outbound.reference.replace(/-OUT$/, "-RET"),
      origin: outbound.destination,
      destination: outbound.origin,
      timing: "depart-after",
      time: back.time,
      windowMinutes: back.windowMinutes,
      recurrence: back.recurrence ?? outbound.recurrence,
      returnOfReference: outbound.reference,
    },
  ];
}

/** An outbound trip from home to a place; the caller gives what differs between services. */
export function tripFromHome(
  passengerReference: string,
  service: DemoService,
  destination: PlaceInput,
  fields: Pick<
    DemoTrip,
    "funderKey" | "purpose" | "timing" | "time" | "windowMinutes" | "maxRideMinutes" | "recurrence"
  > & { escorts?: number },
): DemoTrip {
  return {
    reference: `${passengerReference}-OUT`,
    service,
    passengerReference,
    origin: { kind: "home" },
    destination: placeEnd(destination),
    escorts: 0,
    status: "requested",
    ...fields,
  };
}

export function placeEnd(place: PlaceInput): { kind: "place"; placeReference: string } {
  return { kind: "place", placeReference: place.reference };
}

export function padded(n: number): string {
  return String(n).padStart(4, "0");
}
