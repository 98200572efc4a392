import type { Request } from "@tt/solver";
import type { IntegrationScenario, RequestTag } from "./types";

/**
 * Most passengers one grouped request carries [D]: a people carrier's or half a minibus's seats,
 * so a group still fits the smaller vehicles and a coach takes several groups from one stop.
 */
export const MAX_GROUP_TRIPS = 8;

/**
 * Identical trips planned as one request of up to `max` passengers: pupils who board at the same
 * stop for the same school at the same time. Trips are identical when they have the same ends,
 * windows, service times, ride limit, sharing groups, funder and service, and each is one
 * passenger in a seat with no rule of their own (no vehicle features, assistant, door-through-door,
 * no-sharing rule or linked leg, and no other request names them). Such passengers are
 * interchangeable, so a plan of the groups is a plan of the trips: it only forgoes splitting a
 * group between vehicles. A group's penalty is the sum of its trips'; its tag says how many trips
 * it stands for, which the indicators count. Groups are named after their first trip
 * ("T-12+3": T-12 and the next three). Without identical trips the scenario is returned as it is.
 */
export function groupIdenticalTrips(
  scenario: IntegrationScenario,
  max = MAX_GROUP_TRIPS,
): IntegrationScenario {
  const named = namedByOthers(scenario.problem.requests);
  const buckets = new Map<string, Request[]>();
  const order: (Request | string)[] = [];
  for (const r of scenario.problem.requests) {
    const tag = scenario.requests[r.id];
    if (!tag || !groupable(r, named)) {
      order.push(r);
      continue;
    }
    const key = JSON.stringify([tripKey(r), tag.funder, tag.service]);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(r);
    else {
      buckets.set(key, [r]);
      order.push(key);
    }
  }
  if (buckets.size === 0 || [...buckets.values()].every((b) => b.length === 1)) return scenario;
  const requests: Request[] = [];
  const tags: Record<string, RequestTag> = { ...scenario.requests };
  for (const item of order) {
    if (typeof item !== "string") {
      requests.push(item);
      continue;
    }
    for (const chunk of chunks(buckets.get(item) ?? [], max)) {
      const group = groupOf(chunk);
      requests.push(group);
      const tag = scenario.requests[chunk[0]?.id ?? ""] as RequestTag;
      tags[group.id] = { ...tag, trips: chunk.length };
    }
  }
  return { ...scenario, problem: { ...scenario.problem, requests }, requests: tags };
}

/** One passenger in a seat, with no rule that ties them to a vehicle or to other passengers. */
function groupable(r: Request, named: ReadonlySet<string>): boolean {
  return (
    r.load.length > 0 &&
    r.load[0] === 1 &&
    r.load.slice(1).every((q) => q === 0) &&
    (r.features ?? []).length === 0 &&
    !r.needsAssistant &&
    !r.doorThroughDoor &&
    (r.incompatibleWith ?? []).length === 0 &&
    (r.incompatibleGroups ?? []).length === 0 &&
    r.linkedRequest === undefined &&
    !named.has(r.id)
  );
}

/** Ids other requests name in a no-sharing rule or as their linked leg. */
function namedByOthers(requests: readonly Request[]): Set<string> {
  const out = new Set<string>();
  for (const r of requests) {
    for (const id of r.incompatibleWith ?? []) out.add(id);
    if (r.linkedRequest !== undefined) out.add(r.linkedRequest);
  }
  return out;
}

/** Everything that must match for two trips to be interchangeable. */
function tripKey(r: Request): unknown[] {
  return [r.pickup, r.dropoff, r.maxRideTime ?? null, [...(r.groups ?? [])].sort()];
}

/** Consecutive chunks of at most `max`, as even in size as they can be. */
function chunks<T>(items: readonly T[], max: number): T[][] {
  const count = Math.ceil(items.length / Math.max(1, max));
  const out: T[][] = [];
  for (let k = 0; k < count; k++) {
    const from = Math.round((k * items.length) / count);
    const to = Math.round(((k + 1) * items.length) / count);
    out.push(items.slice(from, to));
  }
  return out;
}

/** The chunk as one request (a chunk of one is the trip itself). */
function groupOf(chunk: readonly Request[]): Request {
  const first = chunk[0] as Request;
  if (chunk.length === 1) return first;
  const penalty = chunk.reduce((sum, r) => sum + (r.penalty ?? 0), 0);
  return {
    ...first,
    id: `${first.id}+${chunk.length - 1}`,
    load: [chunk.length, ...first.load.slice(1)],
    ...(chunk.every((r) => r.penalty !== undefined) ? { penalty } : {}),
  };
}
