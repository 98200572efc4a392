import { Random } from "@tt/domain";
import type { Request } from "@tt/solver";
import { requestTag } from "./mixing-policy";
import { type CarrierRuns, canCarry, carrierRuns } from "./overlap-carrier";
import type { IntegrationScenario, OverlapRow, SolvedPlan } from "./types";

export interface OverlapOptions {
  /** Most trips tested per pair of services; more are sampled down to this many. */
  readonly samplePerPair: number;
  /** Seed of the sample: the same seed gives the same rows. */
  readonly seed: number;
}

/**
 * Overlap between services, in the manner of Lincolnshire's Total Transport pilot ("53 of 104"
 * sampled journeys): for each ordered pair (service, carrier) of different services, how many
 * trips of `service` an existing run of `carrier` could take with the solver's `insert()`: within
 * every constraint of that run (its vehicle's features, layouts, shift and breaks, every
 * passenger's windows and ride times) and the mixing policy, without a new vehicle and without
 * reordering the run's other stops. A run may grow within its vehicle's shift, as `insert()`
 * allows. A run of the carrier is a run of its funder's silo plan carrying at least one of its
 * requests. When a service has more than `samplePerPair` trips, one seeded sample of it is
 * tested against every carrier (`sampled: true`).
 *
 * Cost: at most S × (S − 1) × `samplePerPair` trips are tested (S services). A test calls
 * `insert()` once per candidate run (one whose vehicle has the features, a layout the load fits
 * and a shift overlapping the trip), nearest in time first, and stops at the first that fits; so
 * at most tested trips × carrier runs calls, each on a problem of one run (its requests and
 * locations only), a small fraction of the cost of one call on a whole silo plan.
 * Deterministic for a seed.
 */
export function measureOverlap(
  scenario: IntegrationScenario,
  silo: Readonly<Record<string, SolvedPlan>>,
  opts: OverlapOptions,
): OverlapRow[] {
  if (!Number.isInteger(opts.samplePerPair) || opts.samplePerPair < 1) {
    throw new Error(`overlap: samplePerPair must be a whole number ≥ 1, got ${opts.samplePerPair}`);
  }
  const trips = tripsByService(scenario);
  const services = [...trips.keys()].sort();
  const carriers = new Map(services.map((s) => [s, carrierRuns(scenario, silo, s)]));
  const rows: OverlapRow[] = [];
  for (const service of services) {
    for (const carrier of services) {
      if (service === carrier) continue;
      const all = trips.get(service) ?? [];
      const sampled = all.length > opts.samplePerPair;
      // The same sample of a service is tested against every carrier.
      const tested = sampled
        ? seededSample(all, opts.samplePerPair, `${opts.seed}:${service}`)
        : all;
      const fleets = carriers.get(carrier) ?? [];
      const feasible = tested.filter((t) => carriedByAny(fleets, t, scenario)).length;
      rows.push({
        service,
        carrier,
        tested: tested.length,
        feasible,
        percent: tested.length === 0 ? 0 : Math.round((1000 * feasible) / tested.length) / 10,
        sampled,
      });
    }
  }
  return rows;
}

function carriedByAny(
  fleets: readonly CarrierRuns[],
  trip: Request,
  scenario: IntegrationScenario,
): boolean {
  return fleets.some((fleet) => canCarry(fleet, trip, scenario));
}

/** The scenario's requests by service, in problem order. */
function tripsByService(scenario: IntegrationScenario): Map<string, Request[]> {
  const out = new Map<string, Request[]>();
  for (const r of scenario.problem.requests) {
    const { service } = requestTag(scenario.requests, r.id);
    out.set(service, [...(out.get(service) ?? []), r]);
  }
  return out;
}

/** `k` of the items chosen at random from a seed string, kept in their original order. */
export function seededSample<T>(items: readonly T[], k: number, seed: string): T[] {
  const random = new Random(hashString(seed));
  const index = items.map((_, i) => i);
  for (let i = 0; i < Math.min(k, index.length); i++) {
    const j = i + Math.floor(random.next() * (index.length - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

/** FNV-1a hash of a string, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
