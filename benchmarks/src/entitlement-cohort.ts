/**
 * A deterministic cohort for the bulk entitlement benchmark: the demo's school register (derived
 * from NaPTAN, data/schools-derived-from-naptan.csv) and pupils living in the demo's LSOAs
 * (data/lsoa.csv). Everything not in the open data is synthetic and seeded (see the protocol in
 * docs/entitlement.md): ages, needs, preferences and which school each pupil attends.
 */
import { type CohortPupil, Random, type RegisterSchool, type SchoolType } from "@tt/domain";
import type { DerivedSchool, Lsoa } from "@tt/integrations";

/** Age ranges by phase; schools of unknown phase are left out of the register. */
const AGE_RANGES: Record<string, [number, number]> = {
  nursery: [2, 4],
  primary: [4, 11],
  secondary: [11, 16],
  "all-through": [4, 18],
  special: [2, 19],
  "post-16": [16, 19],
};

const RELIGIOUS_NAME = /\b(St|Saint|C of E|CE|Catholic|Church|Abbey)\b/;

/** The register: phase → age range; every 4th school (by id) has SEN resourced provision. */
export function registerFromDerivedSchools(schools: readonly DerivedSchool[]): RegisterSchool[] {
  const sorted = [...schools].sort((a, b) => a.id.localeCompare(b.id));
  const register: RegisterSchool[] = [];
  sorted.forEach((s, index) => {
    const range = AGE_RANGES[s.phase];
    if (!range) return;
    const type: SchoolType =
      s.phase === "special" ? "special" : index % 2 === 0 ? "academy" : "maintained";
    register.push({
      id: s.id,
      name: s.name,
      phase: s.phase,
      lowAge: range[0],
      highAge: range[1],
      type,
      senProvision: s.phase === "special" || index % 4 === 0,
      religiousCharacter: RELIGIOUS_NAME.test(s.name) ? "christian" : null,
      location: { lat: s.lat, lon: s.lon },
    });
  });
  return register;
}

/** An LSOA picked with probability proportional to its population. */
function populationPicker(lsoas: readonly Lsoa[], random: () => number): () => Lsoa {
  const cumulative: number[] = [];
  let total = 0;
  for (const lsoa of lsoas) {
    total += lsoa.population;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lsoas[lo] as Lsoa;
  };
}

/** Suitable schools nearest first (squared degrees are enough to rank within one county). */
function nearestSuitable(
  register: readonly RegisterSchool[],
  home: { lat: number; lon: number },
  age: number,
  sen: boolean,
) {
  const scale = Math.cos((home.lat * Math.PI) / 180);
  return register
    .filter((s) => age >= s.lowAge && age <= s.highAge && (!sen || s.senProvision))
    .map((s) => ({
      s,
      d: (s.location.lat - home.lat) ** 2 + ((s.location.lon - home.lon) * scale) ** 2,
    }))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.s);
}

function makePupil(
  index: number,
  lsoa: Lsoa,
  register: readonly RegisterSchool[],
  random: () => number,
): CohortPupil | undefined {
  const home = {
    lat: lsoa.lat + (random() - 0.5) * 0.01,
    lon: lsoa.lon + (random() - 0.5) * 0.015,
  };
  const age = 5 + Math.floor(random() * 11);
  const sen = random() < 0.15;
  const needsSenProvision = sen && random() < 0.2;
  const schools = nearestSuitable(register, home, age, needsSenProvision);
  const preference = random();
  const choice = preference < 0.75 ? 0 : preference < 0.9 ? 1 : preference < 0.97 ? 2 : 3;
  const school = schools[Math.min(choice, schools.length - 1)];
  if (!school) return undefined;
  return {
    id: `pupil-${String(index).padStart(5, "0")}`,
    age,
    home,
    registeredSchoolId: school.id,
    lowIncome: random() < lsoa.income.score * 1.5,
    sen,
    ehcPlan: needsSenProvision,
    disabled: random() < 0.03,
    mobilityProblem: random() < 0.02,
    cannotWalkBecauseOfNeed: sen && random() < 0.3,
    needsSenProvision,
    religionOrBelief: random() < 0.1 ? "christian" : null,
    routeSafe: random() >= 0.02,
  };
}

/**
 * `count` pupils aged 5–15, homes jittered around population-weighted LSOA centroids; 75% attend
 * their nearest suitable school, the rest the 2nd to 4th nearest (parental preference).
 */
export function generatePupils(
  count: number,
  lsoas: readonly Lsoa[],
  register: readonly RegisterSchool[],
  seed = 20261122,
): CohortPupil[] {
  const generator = new Random(seed);
  const random = (): number => generator.next();
  const pickLsoa = populationPicker(lsoas, random);
  const pupils: CohortPupil[] = [];
  for (let i = 0; i < count; i++) {
    const pupil = makePupil(i, pickLsoa(), register, random);
    if (pupil) pupils.push(pupil);
  }
  return pupils;
}
