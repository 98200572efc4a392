import type { Instance } from "../instance";
import type { Plan, Violation } from "../solution";

export interface ParsedPlan {
  /** Per plan run: vehicle index (-1 if unknown) and node list. */
  readonly runs: readonly { vehicle: number; layout: number | undefined; nodes: number[] }[];
  readonly violations: Violation[];
  /** Requests with a pick-up somewhere in the plan. */
  readonly served: ReadonlySet<number>;
}

const v = (
  constraint: string,
  requests: string[],
  message: string,
  vehicle?: string,
): Violation => ({
  constraint,
  requests,
  stops: [],
  amount: 1,
  message,
  ...(vehicle ? { vehicle } : {}),
});

/**
 * Turns a plan into node lists and checks the rules that span the plan: known ids, one vehicle
 * per run, each request picked up and dropped off exactly once, by the same run, pick-up first;
 * linked requests on the same vehicle.
 */
export function parsePlan(inst: Instance, plan: Plan): ParsedPlan {
  const violations: Violation[] = [];
  const seenVehicle = new Set<number>();
  const pickRun = new Map<number, number>();
  const dropRun = new Map<number, number>();
  const runs = plan.runs.map((run, ri) => {
    const vi = inst.vehicleIndex.get(run.vehicle) ?? -1;
    if (vi < 0)
      violations.push(v("unknown-vehicle", [], `run ${ri + 1}: unknown vehicle "${run.vehicle}"`));
    else if (seenVehicle.has(vi))
      violations.push(
        v("vehicle-reused", [], `vehicle ${run.vehicle} has more than one run`, run.vehicle),
      );
    seenVehicle.add(vi);
    const nodes: number[] = [];
    for (const s of run.stops) {
      if (s.kind === "break") {
        const b = inst.breaks.find((x) => x.id === s.break && x.vehicle === vi);
        if (b) nodes.push(b.node);
        else
          violations.push(
            v("unknown-break", [], `vehicle ${run.vehicle} has no break "${s.break}"`, run.vehicle),
          );
        continue;
      }
      const r = inst.requestIndex.get(s.request);
      if (r === undefined) {
        violations.push(
          v("unknown-request", [s.request], `unknown request "${s.request}"`, run.vehicle),
        );
        continue;
      }
      const map = s.kind === "pickup" ? pickRun : dropRun;
      if (map.has(r)) {
        violations.push(
          v(
            "pairing",
            [s.request],
            `${s.kind} of ${s.request} appears more than once`,
            run.vehicle,
          ),
        );
        continue;
      }
      if (s.kind === "dropoff" && pickRun.get(r) !== ri) {
        violations.push(
          v(
            "precedence",
            [s.request],
            `drop-off of ${s.request} comes before its pick-up in this run`,
            run.vehicle,
          ),
        );
        continue;
      }
      map.set(r, ri);
      nodes.push(2 * r + (s.kind === "pickup" ? 0 : 1));
    }
    return { vehicle: vi, layout: run.layout, nodes };
  });
  for (const [r, ri] of pickRun) {
    if (dropRun.get(r) !== ri) {
      const id = inst.problem.requests[r]!.id;
      violations.push(
        v("pairing", [id], `${id} is picked up but never dropped off`, plan.runs[ri]?.vehicle),
      );
      const nodes = runs[ri]!.nodes;
      nodes.splice(nodes.indexOf(2 * r), 1);
      pickRun.delete(r);
    }
  }
  for (const [r, ri] of pickRun) {
    const other = inst.linked[r]!;
    if (other >= 0 && pickRun.has(other) && pickRun.get(other) !== ri && r < other) {
      const a = inst.problem.requests[r]!.id;
      const b = inst.problem.requests[other]!.id;
      violations.push(
        v("linked-request", [a, b], `${a} and its linked request ${b} are on different vehicles`),
      );
    }
  }
  return { runs, violations, served: new Set(pickRun.keys()) };
}
