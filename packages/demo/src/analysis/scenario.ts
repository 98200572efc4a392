import type {
  AnalysisFunder,
  IntegrationScenario,
  RequestTag,
  TravelTimeProvider,
  VehicleTag,
} from "@tt/app";
import { buildProblem, type DayRegister } from "@tt/app";
import { DEFAULT_MIXING_POLICY, type Passenger, type Place, type Vehicle } from "@tt/domain";
import type { Problem } from "@tt/solver";
import { buildDemoScenario, DEFAULT_DEMO_SEED } from "../build-scenario";
import type { DemoGeography } from "../geography";
import { organisationOf } from "../organisations";
import type { DemoOrganisation, DemoScenario, DemoVehicle } from "../scenario-types";
import { demoVehicleTag, siloFunders } from "./scenario-fleet";
import { demoDayRegister } from "./scenario-register";

/** The demo's day: a Tuesday in term, with school, adult, DRT and outpatient demand. */
export const DEMO_INTEGRATION_DATE = "2026-11-24";

export interface DemoIntegrationOptions {
  /** The open geography in data/ (the CLI loads it; `app` does not read files). */
  readonly geography: DemoGeography;
  /** Service date, "YYYY-MM-DD"; default {@link DEMO_INTEGRATION_DATE}. */
  readonly date?: string;
  /** Demo seed; default {@link DEFAULT_DEMO_SEED}, the seed `tt demo` loads. */
  readonly seed?: number;
  /**
   * Whose vehicles a silo may use. "contracts" (default): each vehicle belongs to one funder's
   * fleet by `DEMO_SILO_FLEETS`, the budget that holds its contract without Total Transport; the
   * pooled plan uses them all, starting from the silo plans put together. "market": every funder
   * alone may contract any of the partnership's vehicles, as the API does when it is not told the
   * fleets — a vehicle two silos use is counted, and its daily fixed cost paid, in each, as two
   * separate contracts would be.
   */
  readonly siloFleets?: "market" | "contracts";
}

/**
 * The demo's Total Transport partnership as an integration scenario, built in memory (no
 * database): Cambridgeshire County Council and NHS Cambridgeshire and Peterborough ICB.
 *
 * Peterborough City Council is left out: it is a separate unitary authority with its own budgets,
 * contracts and in-house fleet, and the Total Transport pilot in the seeds was Cambridgeshire's;
 * adding its five funders would also take the analysis past six funders, where Shapley shares are
 * sampled rather than exact. The Fen Edge consortium is left out for the same reason (its DRT is
 * a delegated budget of its own). The ICB's patients who live in Peterborough stay in: the ICB
 * serves both areas and its fleet (the patient-transport firm's) carries them.
 *
 * Funders are the budgets with a trip that day: on the demo Tuesday Cambridgeshire's home-to-school,
 * SEND, post-16, adult social care and supported bus/DRT budgets and the ICB's NEPTS budget, six in
 * all, so Shapley shares are exact. Requests are tagged with their trip's funder key and the demo
 * service (`DEMO_SERVICES`, the names the mixing policy uses); vehicles with the funders whose
 * silo may use them (see `siloFleets`) and their emission class. Ids are references, stable for a seed.
 */
export async function buildDemoIntegrationScenario(
  travelTimes: TravelTimeProvider,
  opts: DemoIntegrationOptions,
): Promise<IntegrationScenario> {
  const date = opts.date ?? DEMO_INTEGRATION_DATE;
  const demo = buildDemoScenario(opts.geography, opts.seed ?? DEFAULT_DEMO_SEED);
  const partners = [
    organisationOf(demo.organisations, "cambridgeshire"),
    organisationOf(demo.organisations, "icb"),
  ];
  const fleet = partnershipFleet(demo);
  const register = demoDayRegister(partners, fleet, date);
  const { problem } = await buildProblem(register, travelTimes);
  const requests = requestTags(partners, problem);
  const funders = fundersWithDemand(partners, requests);
  const keys = funders.map((f) => f.key);
  const vehicles =
    (opts.siloFleets ?? "contracts") === "market"
      ? marketTags(fleet, keys)
      : vehicleTags(fleet, new Set(keys));
  const kept = problem.vehicles.filter((v) => vehicles[v.id] !== undefined);
  return {
    name: `Cambridgeshire & Peterborough demo (seed ${demo.seed}): Cambridgeshire County Council and the ICB`,
    date,
    funders,
    problem: { ...problem, name: `demo partnership ${date}`, vehicles: kept },
    requests,
    vehicles,
    mixing: DEFAULT_MIXING_POLICY,
    positions: positionsOf(register, problem),
  };
}

/**
 * The vehicles the partnership plans with, each physical vehicle once: Cambridgeshire's register
 * (its in-house fleet and the operator vehicles contracted to it) and the patient-transport
 * firm's fleet, which holds the ICB's NEPTS contract.
 */
function partnershipFleet(demo: DemoScenario) {
  const council = organisationOf(demo.organisations, "cambridgeshire");
  const nepts = organisationOf(demo.organisations, "patient-transport");
  const held = (organisation: DemoOrganisation) =>
    organisation.vehicles.map((vehicle: DemoVehicle) => ({ organisation, vehicle }));
  return [...held(council), ...held(nepts)];
}

function requestTags(
  partners: readonly DemoOrganisation[],
  problem: Problem,
): Record<string, RequestTag> {
  const byReference = new Map(
    partners.flatMap((o) => o.trips.map((t) => [t.reference, t] as const)),
  );
  const tags: Record<string, RequestTag> = {};
  for (const request of problem.requests) {
    const trip = byReference.get(request.id);
    if (!trip) throw new Error(`demo integration scenario: request "${request.id}" has no trip`);
    tags[request.id] = { funder: trip.funderKey, service: trip.service };
  }
  return tags;
}

/** The partners' funders with at least one request that day, in the organisations' order. */
function fundersWithDemand(
  partners: readonly DemoOrganisation[],
  requests: Readonly<Record<string, RequestTag>>,
): AnalysisFunder[] {
  const withDemand = new Set(Object.values(requests).map((t) => t.funder));
  return partners.flatMap((o) =>
    o.funders
      .filter((f) => withDemand.has(f.key))
      .map((f) => ({ key: f.key, name: f.input.name, organisation: o.name })),
  );
}

/** Every vehicle open to every funder's silo. */
function marketTags(
  fleet: readonly { vehicle: DemoVehicle }[],
  funders: readonly string[],
): Record<string, VehicleTag> {
  const tags: Record<string, VehicleTag> = {};
  for (const { vehicle } of fleet) {
    tags[vehicle.reference] = { ...demoVehicleTag(vehicle, funders[0] ?? ""), funders };
  }
  return tags;
}

/** Tags of the vehicles whose silo funder has demand that day; the others are left out. */
function vehicleTags(
  fleet: readonly { vehicle: DemoVehicle }[],
  funders: ReadonlySet<string>,
): Record<string, VehicleTag> {
  const tags: Record<string, VehicleTag> = {};
  const silo = siloFunders(fleet.map((f) => f.vehicle));
  for (const { vehicle } of fleet) {
    const tag = demoVehicleTag(vehicle, silo.get(vehicle.reference) ?? "");
    if (tag.funders.some((f) => funders.has(f))) tags[vehicle.reference] = tag;
  }
  return tags;
}

/** [lon, lat] of every location; homes (and volunteers' cars kept at home) rounded to 0.01°. */
function positionsOf(register: DayRegister, problem: Problem): [number, number][] {
  const homes = new Map<string, Passenger>(register.passengers.map((p) => [`home:${p.id}`, p]));
  const places = new Map<string, Place>(register.places.map((p) => [`place:${p.id}`, p]));
  const depots = new Map<string, Vehicle>(register.vehicles.map((v) => [`depot:${v.id}`, v]));
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return problem.locations.map(({ id }) => {
    const home = homes.get(id);
    if (home) return [round2(home.homeLon), round2(home.homeLat)];
    const place = places.get(id);
    if (place) return [place.lon, place.lat];
    const depot = depots.get(id);
    if (!depot) throw new Error(`demo integration scenario: no position for location "${id}"`);
    return depot.kind === "volunteer-car"
      ? [round2(depot.depotLon), round2(depot.depotLat)]
      : [depot.depotLon, depot.depotLat];
  });
}
