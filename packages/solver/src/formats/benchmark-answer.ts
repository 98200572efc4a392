import type { Problem } from "../problem";
import type { Solution } from "../solution";

export interface BenchmarkAnswer {
  /** One array per used vehicle: node ids in the instance's numbering, depots excluded, in visit order. */
  readonly routes: number[][];
  /** Benchmark objective: total unrounded Euclidean distance. */
  readonly cost: number;
  readonly vehicles: number;
  readonly unassigned: string[];
}

/** The answer in benchmark terms. Node ids are the location ids the parsers give (= node numbers). */
export function benchmarkAnswer(problem: Problem, solution: Solution): BenchmarkAnswer {
  const routes: number[][] = [];
  let cost = 0;
  for (const run of solution.runs) {
    const nodes = run.stops
      .filter((s) => s.kind !== "break")
      .map((s) => Number(problem.locations[s.location]!.id));
    if (nodes.length === 0) continue;
    routes.push(nodes);
    const v = problem.vehicles.find((x) => x.id === run.vehicle)!;
    const locs = [
      v.start,
      ...run.stops.filter((s) => s.kind !== "break").map((s) => s.location),
      v.end,
    ];
    for (let k = 1; k < locs.length; k++)
      cost += problem.matrices.distance[locs[k - 1]!]![locs[k]!]!;
  }
  return {
    routes,
    cost,
    vehicles: routes.length,
    unassigned: solution.unassigned.map((u) => u.request),
  };
}
