/**
 * The contract example for a home-to-school case: a 9-year-old pupil 3.4 walking miles
 * (3.9 by road) from the nearest suitable qualifying school, on a safe route, with no extended
 * rights. Assessed under the statutory policy it is eligible on walking distance.
 */
export const CONTRACT_HOME_TO_SCHOOL_CASE = {
  regime: "home-to-school",
  pupil: {
    age: 9,
    lowIncome: false,
    sen: false,
    disabled: false,
    mobilityProblem: false,
    cannotWalkBecauseOfNeed: false,
  },
  school: {
    qualifying: true,
    nearestSuitable: true,
    rankAmongSuitable: 1,
    walkingDistanceMiles: 3.4,
    roadDistanceMiles: 3.9,
    routeSafe: true,
    preferredOnReligiousGrounds: false,
  },
} as const;

type Pupil = { readonly [K in keyof typeof CONTRACT_HOME_TO_SCHOOL_CASE.pupil]: unknown };
type School = { readonly [K in keyof typeof CONTRACT_HOME_TO_SCHOOL_CASE.school]: unknown };

/** The contract example with some pupil and school fields replaced (left unvalidated). */
export function aHomeToSchoolCase(
  overrides: {
    pupil?: Partial<Pupil> & Readonly<Record<string, unknown>>;
    school?: Partial<School> & Readonly<Record<string, unknown>>;
  } = {},
) {
  return {
    regime: CONTRACT_HOME_TO_SCHOOL_CASE.regime,
    pupil: { ...CONTRACT_HOME_TO_SCHOOL_CASE.pupil, ...overrides.pupil },
    school: { ...CONTRACT_HOME_TO_SCHOOL_CASE.school, ...overrides.school },
  };
}
