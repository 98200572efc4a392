import type { PlaceInput, SchoolPhase } from "@tt/domain";
import { Random } from "@tt/domain";
import { clock } from "./calendar";
import { type DemoGeography, getLocality } from "./geography";

/**
 * Phases for derived schools whose stop names did not say (phase "unknown" in data/), assumed
 * from the schools' names and local knowledge; `null` leaves a school out of the demo (independent
 * schools and a nursery, which the councils' transport does not serve). Check against GIAS.
 */
const PHASE_ASSUMPTIONS: Readonly<Record<string, SchoolPhase | null>> = {
  "Braybrook School": "primary",
  "Ditton Lodge School": "primary",
  "Duke of Bedford School": "primary",
  "Haslingfield School": "primary",
  "Loves Farm School": "primary",
  "Peckover School": "primary",
  "Southfield School": "primary",
  "St John's School": "primary",
  "Welbourne School": "primary",
  "Hinchingbrooke School": "secondary",
  "Jack Hunt School": "secondary",
  "Netherhall School": "secondary",
  "St Bede's School": "secondary",
  "St Ivo School": "secondary",
  "St John Fisher School": "secondary",
  "Walton School": "secondary",
  "Voyager School": "secondary",
  "Kings School": "secondary",
  "Gretton School": "special",
  "King's School": null,
  "Leys School": null,
  "Perse School": null,
  "Kings Hedges Nursery School": null,
};

/** Synthetic special schools at town centres (the derived list has none flagged special). */
const SYNTHETIC_SPECIAL_SCHOOLS = [
  "Cambridge",
  "Ely",
  "Huntingdon",
  "St Neots",
  "Wisbech",
  "March",
  "Peterborough",
  "Werrington",
] as const;

const KNOWN_PHASES: readonly string[] = [
  "primary",
  "secondary",
  "post-16",
  "special",
  "all-through",
];

function phaseOf(name: string, derivedPhase: string): SchoolPhase | null {
  if (name in PHASE_ASSUMPTIONS) return PHASE_ASSUMPTIONS[name] ?? null;
  return KNOWN_PHASES.includes(derivedPhase) ? (derivedPhase as SchoolPhase) : null;
}

/**
 * Bell times: each school starts between 08:30 and 09:00 (post-16 and special schools at 09:00)
 * and finishes six and a half hours later, 15:00–15:30.
 */
function bellTimes(random: Random, phase: SchoolPhase): { opensAt: string; closesAt: string } {
  const start =
    phase === "post-16" || phase === "special" ? 540 : random.pick([510, 520, 525, 530, 535, 540]);
  return { opensAt: clock(start), closesAt: clock(start + 390) };
}

/** Every school the demo uses: derived schools with a phase, plus the synthetic special schools. */
export function buildSchoolPlaces(geography: DemoGeography, seed: number): PlaceInput[] {
  const random = new Random(seed).fork("school-bell-times");
  const places: PlaceInput[] = [];
  for (const school of geography.schools) {
    const phase = phaseOf(school.name, school.phase);
    if (!phase) continue;
    places.push({
      reference: `school-${school.id}`,
      name: school.name,
      kind: "school",
      lat: school.lat,
      lon: school.lon,
      externalCode: school.id.replace(/^naptan-/, ""),
      schoolPhase: phase,
      ...bellTimes(random, phase),
    });
  }
  for (const town of SYNTHETIC_SPECIAL_SCHOOLS) {
    const centre = getLocality(geography.localities, town);
    places.push({
      reference: `school-synthetic-special-${slug(town)}`,
      name: `${town} Special School (synthetic)`,
      kind: "school",
      lat: centre.lat,
      lon: centre.lon,
      schoolPhase: "special",
      ...bellTimes(random, "special"),
    });
  }
  return places;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
