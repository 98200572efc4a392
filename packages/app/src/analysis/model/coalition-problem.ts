import type { Problem, Request } from "@tt/solver";
import { applyMixingPolicy, requestTag } from "./mixing-policy";
import type { IntegrationScenario } from "./types";

/** The key of a coalition: its funder keys sorted and joined with "+", e.g. "icb+pcc-send". */
export function coalitionKey(funders: readonly string[]): string {
  return [...new Set(funders)].sort().join("+");
}

/** The funder keys, checked against the scenario, or an error naming the unknown one. */
function knownFunders(scenario: IntegrationScenario, funders: readonly string[]): Set<string> {
  const known = new Set(scenario.funders.map((f) => f.key));
  for (const key of funders) {
    if (!known.has(key)) {
      throw new Error(
        `coalition: unknown funder "${key}" in scenario "${scenario.name}"; expected one of ${[...known].join(", ")}`,
      );
    }
  }
  return new Set(funders);
}

/** The request without references to requests outside the coalition (return-leg link, conflicts). */
function withinCoalition(request: Request, inside: ReadonlySet<string>): Request {
  const { linkedRequest, incompatibleWith, ...rest } = request;
  const keepLink = linkedRequest !== undefined && inside.has(linkedRequest);
  const conflicts = incompatibleWith?.filter((id) => inside.has(id));
  return {
    ...rest,
    ...(keepLink ? { linkedRequest } : {}),
    ...(conflicts && conflicts.length > 0 ? { incompatibleWith: conflicts } : {}),
  };
}

/**
 * The planning problem of a coalition of funders: their requests on the vehicles of their fleets
 * (a vehicle is in when any of its funders is), with the scenario's mixing policy applied. A linked
 * request (return leg) or conflict whose partner belongs to another funder is dropped. Locations
 * and matrices are the scenario's own arrays (not copied). With every funder this is the pooled
 * problem; with one, that funder's silo.
 */
export function coalitionProblem(
  scenario: IntegrationScenario,
  funders: readonly string[],
): Problem {
  const members = knownFunders(scenario, funders);
  const { problem } = scenario;
  const chosen = problem.requests.filter((r) =>
    members.has(requestTag(scenario.requests, r.id).funder),
  );
  const inside = new Set(chosen.map((r) => r.id));
  const vehicles = problem.vehicles.filter((v) => {
    const tag = scenario.vehicles[v.id];
    if (!tag)
      throw new Error(`vehicle "${v.id}" has no funders tag in scenario "${scenario.name}"`);
    return tag.funders.some((f) => members.has(f));
  });
  const coalition: Problem = {
    ...problem,
    name: `${scenario.name}: coalition ${coalitionKey(funders) || "(none)"}`,
    requests: chosen.map((r) => withinCoalition(r, inside)),
    vehicles,
  };
  return applyMixingPolicy(coalition, scenario.requests, scenario.mixing);
}
