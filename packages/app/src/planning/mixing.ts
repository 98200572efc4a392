import type { FunderKind, MixingPolicy, TripPurpose } from "@tt/domain";
import type { Problem, Request } from "@tt/solver";

/**
 * Mixing policy in a plan: which services may not travel together, i.e. may not be on board the
 * same vehicle at the same time (the solver's `incompatibleGroups`). Services not named in a rule
 * may share. A passenger who needs the vehicle otherwise empty (escorted to the ward) is not a
 * rule here: that is the request's own `doorThroughDoor` flag. The day plan and the integration
 * analysis apply the same rules.
 */

const SERVICE_OF_PURPOSE: Record<TripPurpose, string> = {
  school: "mainstream-school",
  "send-school": "send-school",
  "post-16": "post-16",
  "adult-day-service": "adult-day-service",
  "hospital-appointment": "nepts-outpatient",
  dialysis: "nepts-dialysis",
  "gp-appointment": "nepts-gp",
  "demand-responsive": "drt",
  "community-transport": "community-transport",
};

/** The service of a trip: its purpose's, except post-16 paid from a SEND budget. */
export function serviceOf(purpose: TripPurpose, funderKind: FunderKind | undefined): string {
  if (purpose === "post-16" && funderKind === "send") return "send-post-16";
  return SERVICE_OF_PURPOSE[purpose];
}

/** The solver group a request of `service` belongs to. */
export function serviceGroup(service: string): string {
  return `service:${service}`;
}

/** For each service, the services it may not travel with (sorted). */
export function forbiddenPartners(policy: MixingPolicy): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set()).add(b));
  for (const { services } of policy.rules) {
    add(services[0], services[1]);
    add(services[1], services[0]);
  }
  return new Map([...out].map(([s, partners]) => [s, [...partners].sort()]));
}

const union = (given: readonly string[] | undefined, added: readonly string[]): string[] => [
  ...new Set([...(given ?? []), ...added]),
];

/**
 * The request with the group of its service and the groups of the services it may not travel
 * with added to what it already has (no duplicates, so applying twice changes nothing).
 */
export function mixRequest(
  request: Request,
  service: string,
  partners: ReadonlyMap<string, readonly string[]>,
): Request {
  const forbidden = (partners.get(service) ?? []).map(serviceGroup);
  const incompatibleGroups = union(request.incompatibleGroups, forbidden);
  return {
    ...request,
    groups: union(request.groups, [serviceGroup(service)]),
    ...(incompatibleGroups.length > 0 ? { incompatibleGroups } : {}),
  };
}

/**
 * A new problem whose requests carry the policy, each by the service `serviceOfRequest` names
 * (requests it names none for are left as they are). Locations and matrices are shared.
 */
export function withMixingPolicy(
  problem: Problem,
  serviceOfRequest: (requestId: string) => string | undefined,
  policy: MixingPolicy,
): Problem {
  const partners = forbiddenPartners(policy);
  return {
    ...problem,
    requests: problem.requests.map((r) => {
      const service = serviceOfRequest(r.id);
      return service === undefined ? r : mixRequest(r, service, partners);
    }),
  };
}
