import type { LatLon } from "../shared/geo";
import type { HomeToSchoolCase } from "./case-schemas";
import { straightLineMiles } from "./distance";

export const SCHOOL_TYPES = [
  "maintained",
  "academy",
  "special",
  "independent",
  "pupil-referral-unit",
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** A school on the register, as entitlement needs it. */
export interface RegisterSchool {
  readonly id: string;
  readonly name: string;
  readonly phase: string;
  readonly lowAge: number;
  readonly highAge: number;
  readonly type: SchoolType;
  readonly senProvision: boolean;
  readonly religiousCharacter: string | null;
  readonly location: LatLon;
}

/** A pupil of a cohort, with the school they attend or have applied to. */
export interface CohortPupil {
  readonly id: string;
  readonly age: number;
  readonly home: LatLon;
  readonly registeredSchoolId: string;
  readonly lowIncome: boolean;
  readonly sen: boolean;
  readonly ehcPlan: boolean;
  readonly disabled: boolean;
  readonly mobilityProblem: boolean;
  readonly cannotWalkBecauseOfNeed: boolean;
  /** Needs a school with SEN provision (e.g. a special school named in the EHC plan). */
  readonly needsSenProvision: boolean;
  readonly religionOrBelief: string | null;
  readonly routeSafe: boolean;
}

/** Qualifying (Sch 35B para 15), right age range and, where needed, SEN provision. */
export function isSuitable(pupil: CohortPupil, school: RegisterSchool): boolean {
  const qualifying = school.type !== "independent";
  const ageFits = pupil.age >= school.lowAge && pupil.age <= school.highAge;
  return qualifying && ageFits && (!pupil.needsSenProvision || school.senProvision);
}

export interface RankedSchool {
  readonly school: RegisterSchool;
  readonly straightMiles: number;
}

/** Suitable schools nearest first (straight line, which ranks the same as a uniform circuity). */
export function rankSuitableSchools(
  pupil: CohortPupil,
  register: readonly RegisterSchool[],
): RankedSchool[] {
  const ranked: RankedSchool[] = [];
  for (const school of register) {
    if (isSuitable(pupil, school))
      ranked.push({ school, straightMiles: straightLineMiles(pupil.home, school.location) });
  }
  return ranked.sort(
    (a, b) => a.straightMiles - b.straightMiles || a.school.id.localeCompare(b.school.id),
  );
}

/** The home-to-school case for a pupil; the engine estimates distances from the coordinates. */
export function cohortCase(
  pupil: CohortPupil,
  register: readonly RegisterSchool[],
): HomeToSchoolCase {
  const ranked = rankSuitableSchools(pupil, register);
  const index = ranked.findIndex((r) => r.school.id === pupil.registeredSchoolId);
  const school = register.find((s) => s.id === pupil.registeredSchoolId);
  if (!school)
    throw new Error(`pupil ${pupil.id}: no school ${pupil.registeredSchoolId} on the register`);
  const religious =
    pupil.religionOrBelief !== null
      ? ranked.find((r) => r.school.religiousCharacter === pupil.religionOrBelief)?.school.id ===
        school.id
      : false;
  return {
    regime: "home-to-school",
    pupil: {
      age: pupil.age,
      lowIncome: pupil.lowIncome,
      sen: pupil.sen,
      ehcPlan: pupil.ehcPlan,
      disabled: pupil.disabled,
      mobilityProblem: pupil.mobilityProblem,
      cannotWalkBecauseOfNeed: pupil.cannotWalkBecauseOfNeed,
    },
    school: {
      qualifying: school.type !== "independent",
      nearestSuitable: index === 0,
      ...(index >= 0 ? { rankAmongSuitable: index + 1 } : {}),
      location: school.location,
      routeSafe: pupil.routeSafe,
      preferredOnReligiousGrounds: religious,
    },
    home: pupil.home,
  };
}
