import type { Plan, PlanRun } from "@tt/solver";
import type { MixingPolicy, RequestTag } from "./types";

/** Two requests whose services may not travel together, on board one vehicle at the same time. */
export interface ForbiddenSharing {
  readonly vehicle: string;
  /** Services of `requests`, in the same order. */
  readonly services: readonly [string, string];
  /** The one who boarded first, then the other. */
  readonly requests: readonly [string, string];
}

interface OnBoard {
  readonly id: string;
  readonly service: string;
  /** Stop positions of the pick-up and the drop-off (Infinity when never dropped off). */
  readonly on: number;
  readonly off: number;
}

/**
 * Every pair of requests on board the same vehicle at the same time whose services the policy
 * forbids together. Read straight from the plan's stop order, independently of the solver: two
 * passengers share when each is picked up before the other is dropped off. A request without a
 * tag is an error (the check could not say whether it may share).
 */
export function forbiddenSharing(
  solution: Plan,
  requests: Readonly<Record<string, RequestTag>>,
  policy: MixingPolicy,
): ForbiddenSharing[] {
  const forbidden = new Set(policy.rules.map((r) => `${r.services[0]}|${r.services[1]}`));
  const isForbidden = (a: string, b: string) =>
    forbidden.has(`${a}|${b}`) || forbidden.has(`${b}|${a}`);
  const out: ForbiddenSharing[] = [];
  for (const run of solution.runs) {
    const aboard = passengers(run, requests);
    for (let i = 0; i < aboard.length; i++) {
      for (let j = i + 1; j < aboard.length; j++) {
        const a = aboard[i]!;
        const b = aboard[j]!;
        if (a.on < b.off && b.on < a.off && isForbidden(a.service, b.service)) {
          out.push({
            vehicle: run.vehicle,
            services: [a.service, b.service],
            requests: [a.id, b.id],
          });
        }
      }
    }
  }
  return out;
}

/** The run's passengers in boarding order, with when they are on board. */
function passengers(run: PlanRun, requests: Readonly<Record<string, RequestTag>>): OnBoard[] {
  const on = new Map<string, number>();
  const off = new Map<string, number>();
  run.stops.forEach((s, k) => {
    if (s.kind === "pickup") on.set(s.request, k);
    else if (s.kind === "dropoff") off.set(s.request, k);
  });
  return [...on].map(([id, k]) => {
    const tag = requests[id];
    if (!tag) throw new Error(`vehicle ${run.vehicle}: request "${id}" has no funder/service tag`);
    return { id, service: tag.service, on: k, off: off.get(id) ?? Number.POSITIVE_INFINITY };
  });
}
