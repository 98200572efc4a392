import type { Needs, Random, Seating } from "@tt/domain";
import type { DemoOrganisation, DemoPassenger } from "./scenario-types";

/**
 * Needs proportions (assumptions of the demo, in line with the seeds: many SEND pupils travel
 * alone or with passenger assistants; adult day service users are often wheelchair users).
 */
export const NEEDS_RATES = {
  send: {
    wheelchair: 0.15,
    assistant: 0.3,
    travelAlone: 0.06,
    doorThroughDoor: 0.2,
    harness: 0.05,
  },
  sendPostSixteen: {
    wheelchair: 0.15,
    assistant: 0.15,
    travelAlone: 0.04,
    doorThroughDoor: 0.1,
    harness: 0.02,
  },
  adultDayService: {
    wheelchair: 0.4,
    assistant: 0.15,
    travelAlone: 0.02,
    doorThroughDoor: 0.25,
    harness: 0,
  },
  /** Share of SEND pupils who may not travel with one named other pupil at their school. */
  sendIncompatible: 0.04,
} as const;

type Rates = {
  wheelchair: number;
  assistant: number;
  travelAlone: number;
  doorThroughDoor: number;
  harness: number;
};

function drawNeeds(random: Random, rates: Rates, childSeatUnderAge: number, age: number): Needs {
  const wheelchair = random.chance(rates.wheelchair);
  // A wheelchair user more often needs an assistant on board.
  const passengerAssistant = random.chance(
    wheelchair ? Math.min(1, rates.assistant * 1.6) : rates.assistant,
  );
  let seating: Seating = "standard";
  if (!wheelchair && random.chance(rates.harness)) seating = "harness";
  else if (!wheelchair && age < childSeatUnderAge && random.chance(0.5)) seating = "booster-seat";
  else if (!wheelchair && random.chance(0.05)) seating = "front-seat";
  return {
    wheelchair,
    passengerAssistant,
    seating,
    travelAlone: random.chance(rates.travelAlone),
    doorThroughDoor: random.chance(rates.doorThroughDoor),
    mayNotTravelWith: [],
  };
}

/** SEND pupils (`age` under 19) and SEND post-16 students (19 or over). */
export function drawSendNeeds(random: Random, age: number): Needs {
  return drawNeeds(random, age < 19 ? NEEDS_RATES.send : NEEDS_RATES.sendPostSixteen, 11, age);
}

export function drawAdultNeeds(random: Random): Needs {
  return drawNeeds(random, NEEDS_RATES.adultDayService, 0, 40);
}

/** NEPTS and DRT passengers: only wheelchair use (rate given) and, rarely, a front seat. */
export function drawPatientNeeds(random: Random, wheelchairRate: number): Needs {
  const wheelchair = random.chance(wheelchairRate);
  return {
    wheelchair,
    passengerAssistant: false,
    seating: !wheelchair && random.chance(0.05) ? "front-seat" : "standard",
    travelAlone: false,
    doorThroughDoor: false,
    mayNotTravelWith: [],
  };
}

/**
 * Some SEND pupils may not travel with one named pupil at the same school (behaviour or
 * safeguarding). The link is recorded on both pupils.
 */
export function linkIncompatiblePupils(random: Random, organisation: DemoOrganisation): void {
  const schoolOf = new Map<string, string>();
  for (const trip of organisation.trips) {
    if (trip.service === "send-school" && trip.destination.kind === "place") {
      schoolOf.set(trip.passengerReference, trip.destination.placeReference);
    }
  }
  const pupils = organisation.passengers.filter((p) => p.service === "send-school");
  for (const pupil of pupils) {
    if (!random.chance(NEEDS_RATES.sendIncompatible / 2)) continue;
    const school = schoolOf.get(pupil.input.reference);
    const others = pupils.filter((p) => p !== pupil && schoolOf.get(p.input.reference) === school);
    if (others.length === 0) continue;
    const other = random.pick(others);
    addIncompatible(pupil, other.input.reference);
    addIncompatible(other, pupil.input.reference);
  }
}

function addIncompatible(passenger: DemoPassenger, reference: string): void {
  const list = passenger.input.needs.mayNotTravelWith;
  if (!list.includes(reference)) list.push(reference);
}
