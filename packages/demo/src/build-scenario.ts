import { Random } from "@tt/domain";
import { generateAdultDayServices } from "./adult-demand";
import { SCHOOL_TERMS_2026_27 } from "./calendar";
import { addContractedVehicles } from "./contracts";
import type { DemandContext } from "./demand-context";
import { generateDrtDemand } from "./drt-demand";
import { buildVehicles } from "./fleet";
import type { DemoGeography } from "./geography";
import { HomeSampler } from "./homes";
import { linkIncompatiblePupils } from "./needs";
import { generateNeptsDemand } from "./nepts-demand";
import { buildOrganisations, DEMO_PASSWORD, organisationOf } from "./organisations";
import { PickUpPoints } from "./pick-up-points";
import type { DemoOrganisation, DemoScenario } from "./scenario-types";
import { generateSchoolDemand } from "./school-demand";
import { buildSchoolPlaces } from "./school-places";
import {
  buildDayCentrePlaces,
  buildDepotPlaces,
  buildDialysisPlaces,
  buildDrtHubPlaces,
  buildGpPlaces,
  buildHospitalPlaces,
} from "./service-places";
import { buildStaff } from "./staff";

/** The seed `tt demo` and `tt serve --demo` use unless told otherwise. */
export const DEFAULT_DEMO_SEED = 2026;

/**
 * The Cambridgeshire & Peterborough demo: real open geography, synthetic people. Pure and
 * deterministic: the same geography and seed always give the same scenario.
 */
export function buildDemoScenario(geography: DemoGeography, seed: number): DemoScenario {
  const random = new Random(seed);
  const organisations = buildOrganisations();
  const places = addPlaces(geography, organisations, seed);
  const homes = new HomeSampler(geography, random.fork("homes"));
  const context: DemandContext = { random: random.fork("demand"), homes, organisations };
  const pickUps = {
    cambridgeshire: new PickUpPoints(geography.busStops),
    peterborough: new PickUpPoints(geography.busStops),
  };
  generateSchoolDemand(context, places.schools, pickUps);
  for (const council of ["cambridgeshire", "peterborough"] as const) {
    organisationOf(organisations, council).places.push(...pickUps[council].places());
  }
  generateAdultDayServices(context, places.dayCentres);
  generateNeptsDemand(context, places.nepts);
  generateDrtDemand(context, places.drtHubs, geography.localities);
  const needsRandom = random.fork("incompatible");
  linkIncompatiblePupils(needsRandom, organisationOf(organisations, "cambridgeshire"));
  linkIncompatiblePupils(needsRandom, organisationOf(organisations, "peterborough"));
  const fleetRandom = random.fork("fleet");
  const fleetHomes = new HomeSampler(geography, random.fork("volunteer-homes"));
  for (const organisation of organisations) {
    const depots = organisation.places.filter((p) => p.kind === "depot");
    organisation.vehicles.push(...buildVehicles(fleetRandom, organisation, depots, fleetHomes));
    organisation.staff.push(...buildStaff(fleetRandom, organisation));
  }
  addContractedVehicles(organisations);
  return { seed, password: DEMO_PASSWORD, organisations };
}

/** Puts each organisation's places in it and returns the catalogues the demand generators use. */
function addPlaces(geography: DemoGeography, organisations: DemoOrganisation[], seed: number) {
  const org = (key: DemoOrganisation["key"]) => organisationOf(organisations, key);
  const schools = buildSchoolPlaces(geography, seed);
  const dayCentres = {
    cambridgeshire: buildDayCentrePlaces(geography, "cambridgeshire"),
    peterborough: buildDayCentrePlaces(geography, "peterborough"),
  };
  const nepts = {
    hospitals: buildHospitalPlaces(geography),
    dialysisUnits: buildDialysisPlaces(geography),
    gpPractices: buildGpPlaces(geography),
  };
  const drtHubs = {
    cambridgeshire: buildDrtHubPlaces(geography, "cambridgeshire"),
    peterborough: buildDrtHubPlaces(geography, "peterborough"),
    consortium: buildDrtHubPlaces(geography, "consortium"),
  };
  for (const council of ["cambridgeshire", "peterborough"] as const) {
    org(council).places.push(...schools, ...dayCentres[council], ...drtHubs[council]);
    org(council).termCalendars.push({ key: "school-terms", input: SCHOOL_TERMS_2026_27 });
  }
  org("icb").places.push(...nepts.hospitals, ...nepts.dialysisUnits, ...nepts.gpPractices);
  org("consortium").places.push(...drtHubs.consortium);
  for (const organisation of organisations) {
    organisation.places.push(...buildDepotPlaces(geography, organisation.key, organisation.name));
  }
  return { schools, dayCentres, nepts, drtHubs };
}
