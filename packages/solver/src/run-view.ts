import type { CompiledVehicle, Instance } from "./instance";
import { RUN_COST_TERMS } from "./objective/index";
import type { Scheduler } from "./schedule";
import { layoutFor } from "./search/context";
import type { CostBreakdown, Run, ScheduledStop } from "./solution";

/** One run with its computed schedule: what constraints and reports look at. */
export interface RunView {
  readonly inst: Instance;
  readonly vehicle: CompiledVehicle;
  readonly nodes: readonly number[];
  /** One per node. */
  readonly stops: readonly ScheduledStop[];
  /** Layout asked for by the plan, if any. */
  readonly requestedLayout: number | undefined;
  /** Layout used: the requested one, else the first that fits, else -1. */
  readonly layout: number;
  /** Peak load per dimension. */
  readonly peak: readonly number[];
  readonly start: number;
  readonly end: number;
  /** Travel time into each stop, and into the end depot. */
  readonly travel: readonly number[];
  readonly endTravel: number;
  readonly distance: number;
}

export function buildRunView(
  inst: Instance,
  scheduler: Scheduler,
  vehicle: CompiledVehicle,
  nodes: readonly number[],
  requestedLayout: number | undefined,
): RunView {
  scheduler.run(vehicle, nodes, nodes.length, false);
  const { A, B, D, t, ploc } = scheduler;
  const dims = inst.dims;
  const load = new Array<number>(dims).fill(0);
  const peak = new Array<number>(dims).fill(0);
  const twoN = 2 * inst.n;
  const stops: ScheduledStop[] = [];
  let distance = 0;
  for (let k = 1; k <= nodes.length; k++) {
    const node = nodes[k - 1]!;
    distance += inst.dist[ploc[k - 1]! * inst.nLoc + ploc[k]!]!;
    const times = { location: ploc[k]!, arrival: A[k]!, start: B[k]!, departure: D[k]! };
    if (node >= twoN) {
      stops.push({
        kind: "break",
        break: inst.breaks[node - twoN]!.id,
        ...times,
        load: load.slice(),
      });
      continue;
    }
    for (let d = 0; d < dims; d++) {
      load[d] = load[d]! + inst.demand[node * dims + d]!;
      peak[d] = Math.max(peak[d]!, load[d]!);
    }
    const request = inst.problem.requests[node >> 1]!.id;
    stops.push({
      kind: (node & 1) === 0 ? "pickup" : "dropoff",
      request,
      ...times,
      load: load.slice(),
    });
  }
  const q = nodes.length + 1;
  distance += inst.dist[ploc[q - 1]! * inst.nLoc + ploc[q]!]!;
  const layout = requestedLayout ?? layoutFor(vehicle, peak);
  return {
    inst,
    vehicle,
    nodes,
    stops,
    requestedLayout,
    layout,
    peak,
    start: nodes.length === 0 ? vehicle.shiftStart : scheduler.startTime,
    end: nodes.length === 0 ? vehicle.shiftStart : scheduler.endTime,
    travel: Array.from(t.subarray(1, q)),
    endTravel: t[q]!,
    distance: nodes.length === 0 ? 0 : distance,
  };
}

export function runCostBreakdown(view: RunView): CostBreakdown {
  const parts = { fixed: 0, distance: 0, time: 0 };
  if (view.nodes.every((node) => node >= 2 * view.inst.n))
    return { ...parts, unserved: 0, total: 0 };
  for (const term of RUN_COST_TERMS) parts[term.id] = term.cost(view);
  return { ...parts, unserved: 0, total: parts.fixed + parts.distance + parts.time };
}

export function toRun(view: RunView): Run {
  return {
    vehicle: view.vehicle.vehicle.id,
    layout: Math.max(0, view.layout),
    stops: view.stops,
    start: view.start,
    end: view.end,
    distance: view.distance,
    duration: view.end - view.start,
    cost: runCostBreakdown(view),
  };
}
