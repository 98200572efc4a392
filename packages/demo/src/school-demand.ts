import { haversineMetres, type Needs, type PlaceInput, type SchoolPhase } from "@tt/domain";
import { ageOn, SCHOOL_YEAR_END, SCHOOL_YEAR_START } from "./calendar";
import {
  addPassenger,
  addTrips,
  type DemandContext,
  dateOfBirthForYearGroup,
  NO_NEEDS,
  outboundAndReturn,
  padded,
  placeEnd,
  tripFromHome,
} from "./demand-context";
import { METRES_PER_MILE } from "./geography";
import { type Council, type Home, inCouncil } from "./homes";
import { drawSendNeeds } from "./needs";
import type { PickUpPoints } from "./pick-up-points";
import type { DemoService, DemoTrip } from "./scenario-types";

/** How many pupils and students of each kind the demo has (both councils together). */
export const SCHOOL_DEMAND = {
  /** Mainstream pupils entitled on distance, per council (Peterborough is mostly urban). */
  mainstream: { cambridgeshire: 1320, peterborough: 180 },
  /** Share of mainstream pupils at primary school; the rest are at secondary. */
  mainstreamPrimaryShare: 0.3,
  send: 450,
  postSixteen: 200,
  sendPostSixteen: 80,
} as const;

/** Statutory walking distance (Education Act 1996 s444(5)): 2 miles under 8, 3 miles from 8. */
export function walkingDistanceMetres(dateOfBirth: string): number {
  return (ageOn(dateOfBirth, SCHOOL_YEAR_END) < 8 ? 2 : 3) * METRES_PER_MILE;
}

/** Furthest a mainstream pupil's school may be in the demo (straight line). */
const MAX_SCHOOL_METRES: Record<"primary" | "secondary" | "post-16", number> = {
  primary: 12_000,
  secondary: 20_000,
  "post-16": 30_000,
};

/** Best-practice maximum journey times (DfE 2014 guidance, domain-rules §1.7), minutes. */
export const MAX_RIDE_MINUTES = { primary: 45, secondary: 75 } as const;

/**
 * Window of a trip that boards at a pick-up point, minutes: a school coach arrives up to half an
 * hour before the bell and leaves up to half an hour after the last bell, so a vehicle has time to
 * load and unload a full run at two minutes a pupil [D]. Door-to-door mainstream trips keep 20.
 */
export const STOP_WINDOW_MINUTES = 30;

/** Homes drawn for one pupil before giving up (never reached with the shipped data). */
const MAX_ATTEMPTS = 10_000;

const SCHOOL_DAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/** Pick-up points of each council's mainstream pupils and students. */
export type CouncilPickUps = Readonly<Record<Council, PickUpPoints>>;

export function generateSchoolDemand(
  context: DemandContext,
  schools: readonly PlaceInput[],
  pickUps: CouncilPickUps,
): void {
  const byPhase = (phases: readonly SchoolPhase[]) =>
    schools.filter((s) => s.schoolPhase && phases.includes(s.schoolPhase));
  const primary = byPhase(["primary", "all-through"]);
  const secondary = byPhase(["secondary", "all-through"]);
  const special = byPhase(["special"]);
  const colleges = byPhase(["post-16"]);
  let index = 0;
  for (const council of ["cambridgeshire", "peterborough"] as const) {
    for (let i = 1; i <= SCHOOL_DEMAND.mainstream[council]; i++) {
      const isPrimary = context.random.chance(SCHOOL_DEMAND.mainstreamPrimaryShare);
      const pool = isPrimary ? primary : secondary;
      addMainstreamPupil(context, pickUps, { index: ++index, council, isPrimary }, pool);
    }
  }
  for (let i = 1; i <= SCHOOL_DEMAND.send; i++) {
    addSendPupil(context, i, { primary, secondary, special });
  }
  for (let i = 1; i <= SCHOOL_DEMAND.postSixteen; i++) {
    addStudent(context, pickUps, i, colleges, false);
  }
  for (let i = 1; i <= SCHOOL_DEMAND.sendPostSixteen; i++) {
    addStudent(context, pickUps, i, context.random.chance(0.3) ? special : colleges, true);
  }
}

/** Schools sorted by distance from home, with the distance. */
function byDistance(home: Home, schools: readonly PlaceInput[]) {
  return schools
    .map((school) => ({ school, metres: haversineMetres(home, school) }))
    .sort((a, b) => a.metres - b.metres);
}

/**
 * A mainstream pupil entitled on distance (Schedule 35B category C): their school is the nearest
 * of its phase (or, for one in seven, the second nearest: the nearest was full) and lies beyond
 * the statutory walking distance. Homes that fail the test are drawn again.
 */
function addMainstreamPupil(
  context: DemandContext,
  pickUps: CouncilPickUps,
  pupil: { index: number; council: Council; isPrimary: boolean },
  schools: readonly PlaceInput[],
): void {
  const { random } = context;
  const { index, council, isPrimary } = pupil;
  const yearGroup = isPrimary ? random.int(0, 6) : random.int(7, 11);
  const dateOfBirth = dateOfBirthForYearGroup(random, yearGroup);
  const limit = walkingDistanceMetres(dateOfBirth);
  const max = MAX_SCHOOL_METRES[isPrimary ? "primary" : "secondary"];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const home = context.homes.sample("rural", inCouncil(council));
    const ranked = byDistance(home, schools);
    const choice = random.chance(1 / 7) ? ranked[1] : ranked[0];
    if (!choice || choice.metres <= limit || ranked[0]!.metres <= limit || choice.metres > max)
      continue;
    const reference = `HTS-${padded(index)}`;
    addPassenger(context, home.council, "mainstream-school", {
      reference,
      home,
      dateOfBirth,
      needs: noNeeds(),
    });
    const ride = isPrimary ? MAX_RIDE_MINUTES.primary : MAX_RIDE_MINUTES.secondary;
    const funderKey = `${home.council === "peterborough" ? "pcc" : "ccc"}-hts`;
    const trip = { service: "mainstream-school", funderKey, ride } as const;
    addTrips(context, home.council, boardingTrips(reference, trip, choice.school, home, pickUps));
    return;
  }
  throw new Error(`no home beyond walking distance found for pupil ${index}`);
}

/** Mainstream pupils and students have no recorded needs. */
function noNeeds(): Needs {
  return { ...NO_NEEDS, mayNotTravelWith: [] };
}

/**
 * A SEND pupil (category A: no walking-distance test): 60% at the nearest special school, the
 * rest at the nearest mainstream school of their phase (resourced provision).
 */
function addSendPupil(
  context: DemandContext,
  index: number,
  schools: {
    primary: readonly PlaceInput[];
    secondary: readonly PlaceInput[];
    special: readonly PlaceInput[];
  },
): void {
  const { random } = context;
  const yearGroup = random.chance(0.4) ? random.int(0, 6) : random.int(7, 11);
  const dateOfBirth = dateOfBirthForYearGroup(random, yearGroup);
  const home = context.homes.sample("deprived");
  const pool = random.chance(0.6)
    ? schools.special
    : yearGroup <= 6
      ? schools.primary
      : schools.secondary;
  const school = byDistance(home, pool)[0]!.school;
  const reference = `SEN-${padded(index)}`;
  const needs = drawSendNeeds(random, yearGroup <= 6 ? 8 : 13);
  addPassenger(context, home.council, "send-school", { reference, home, dateOfBirth, needs });
  const ride = needs.travelAlone ? 40 : yearGroup <= 6 ? 45 : 60;
  const funderKey = `${home.council === "peterborough" ? "pcc" : "ccc"}-send`;
  addTrips(
    context,
    home.council,
    schoolTrips(reference, "send-school", funderKey, school, ride, 15),
  );
}

/** A post-16 student (16–18, or 16–24 with an EHC plan for SEND) at a college beyond 3 miles. */
function addStudent(
  context: DemandContext,
  pickUps: CouncilPickUps,
  index: number,
  destinations: readonly PlaceInput[],
  send: boolean,
): void {
  const { random } = context;
  const dateOfBirth = send
    ? dateOfBirthForYearGroup(random, random.int(12, 19))
    : dateOfBirthForYearGroup(random, random.int(12, 13));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const home = context.homes.sample(send ? "deprived" : "rural");
    const ranked = byDistance(home, destinations);
    const choice = ranked[0];
    if (!choice || choice.metres > MAX_SCHOOL_METRES["post-16"]) continue;
    if (!send && choice.metres <= 3 * METRES_PER_MILE) continue;
    const reference = `${send ? "SP16" : "P16"}-${padded(index)}`;
    const service: DemoService = send ? "send-post-16" : "post-16";
    const needs = send ? drawSendNeeds(random, 20) : noNeeds();
    addPassenger(context, home.council, service, { reference, home, dateOfBirth, needs });
    const funderKey = `${home.council === "peterborough" ? "pcc" : "ccc"}-p16`;
    const trips = send
      ? schoolTrips(reference, service, funderKey, choice.school, 60, 20)
      : boardingTrips(reference, { service, funderKey, ride: 75 }, choice.school, home, pickUps);
    addTrips(context, home.council, trips);
    return;
  }
  throw new Error(`no home found for student ${index}`);
}

/**
 * A mainstream pupil's or student's trips: from and back to their pick-up point when there is one
 * within walking distance of home, else from and back to home (door to door, 20-minute window).
 */
function boardingTrips(
  reference: string,
  trip: { service: DemoService; funderKey: string; ride: number },
  school: PlaceInput,
  home: Home,
  pickUps: CouncilPickUps,
): DemoTrip[] {
  const stop = pickUps[home.council].pointFor(home, school.reference);
  if (!stop) return schoolTrips(reference, trip.service, trip.funderKey, school, trip.ride, 20);
  const window = STOP_WINDOW_MINUTES;
  const [outbound, back] = schoolTrips(
    reference,
    trip.service,
    trip.funderKey,
    school,
    trip.ride,
    window,
  );
  return [
    { ...outbound, origin: placeEnd(stop) },
    { ...back, destination: placeEnd(stop) },
  ];
}

/** Arrive by the bell, leave after the last bell, Monday to Friday in term time. */
function schoolTrips(
  reference: string,
  service: DemoService,
  funderKey: string,
  school: PlaceInput,
  maxRideMinutes: number,
  windowMinutes: number,
): [DemoTrip, DemoTrip] {
  const purpose =
    service === "send-school"
      ? "send-school"
      : service === "mainstream-school"
        ? "school"
        : "post-16";
  const outbound = tripFromHome(reference, service, school, {
    funderKey,
    purpose,
    timing: "arrive-by",
    time: school.opensAt ?? "08:45",
    windowMinutes,
    maxRideMinutes,
    recurrence: {
      kind: "recurring",
      weekdays: [...SCHOOL_DAYS],
      from: SCHOOL_YEAR_START,
      to: SCHOOL_YEAR_END,
      termCalendarKey: "school-terms",
    },
  });
  return outboundAndReturn(outbound, { time: school.closesAt ?? "15:15", windowMinutes });
}
