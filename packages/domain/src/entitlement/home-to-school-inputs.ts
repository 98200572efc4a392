import type { HomeToSchoolCase } from "./case-schemas";
import { ageOn, birthday, isCompulsorySchoolAge } from "./dates";
import { measuredOrEstimated, type RouteDistance } from "./distance";
import type { ResolvedPolicy } from "./policy";

/** The facts the home-to-school rules read, with how each was obtained. */
export interface HomeToSchoolFacts {
  readonly age: number;
  readonly ageBasis: string;
  readonly compulsorySchoolAge: boolean;
  readonly walkLimitMiles: number;
  readonly walk: RouteDistance;
  readonly road: RouteDistance;
  readonly rank: number | null;
  readonly hasNeed: boolean;
  /** The next birthday at which a limit changes (8th or 11th), when the date of birth is known. */
  readonly nextRuleBirthday?: string;
}

function ageFacts(c: HomeToSchoolCase, assessedOn: string) {
  const dob = c.pupil.dateOfBirth;
  if (dob) {
    return {
      age: ageOn(dob, assessedOn),
      ageBasis: `date of birth ${dob}, age on ${assessedOn}`,
      compulsorySchoolAge: isCompulsorySchoolAge(dob, assessedOn),
    };
  }
  const age = c.pupil.age ?? 0;
  return {
    age,
    ageBasis: "age as given (5 to 15 taken as compulsory school age)",
    compulsorySchoolAge: age >= 5 && age <= 15,
  };
}

function nextRuleBirthday(dob: string | undefined, assessedOn: string, ages: number[]) {
  if (!dob) return undefined;
  return ages.map((years) => birthday(dob, years)).find((date) => date > assessedOn);
}

function distances(
  c: HomeToSchoolCase,
  policy: ResolvedPolicy,
): { walk: RouteDistance; road: RouteDistance } {
  const p = policy.parameters;
  const ends = { from: c.home, to: c.school.location };
  const walk = measuredOrEstimated(
    c.school.walkingDistanceMiles,
    ends,
    p.walkingCircuity.value,
    "walking route",
  );
  if (!walk) throw new Error("walking distance or home and school coordinates are required");
  const road = measuredOrEstimated(
    c.school.roadDistanceMiles,
    ends,
    p.roadCircuity.value,
    "road distance",
  ) ?? {
    miles: walk.miles,
    estimated: true,
    basis: "road distance not given: the walking route is used in its place",
  };
  return { walk, road };
}

/** Works out age, walking limit and distances (measured, or estimated from coordinates). */
export function homeToSchoolFacts(
  c: HomeToSchoolCase,
  policy: ResolvedPolicy,
  assessedOn: string,
): HomeToSchoolFacts {
  const p = policy.parameters;
  const ages = ageFacts(c, assessedOn);
  const birthdays = [p.htstWalkLimitAge.value, p.htstExtendedSecondaryAge.value];
  const next = nextRuleBirthday(c.pupil.dateOfBirth, assessedOn, birthdays);
  const under8 = ages.age < p.htstWalkLimitAge.value;
  return {
    ...ages,
    walkLimitMiles: under8 ? p.htstWalkLimitUnder8Miles.value : p.htstWalkLimitFrom8Miles.value,
    ...distances(c, policy),
    rank: c.school.rankAmongSuitable ?? (c.school.nearestSuitable ? 1 : null),
    hasNeed: c.pupil.sen || c.pupil.disabled || c.pupil.mobilityProblem,
    ...(next ? { nextRuleBirthday: next } : {}),
  };
}
