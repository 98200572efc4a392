import { insert, type Problem, type Solution, type SolveProgress } from "@tt/solver";

/** One point of the improvement curve: the best plan so far at a moment of the solve. */
export interface CurvePoint {
  /** Seconds since solve() was called. */
  readonly seconds: number;
  readonly iterations: number;
  /** Objective of the best plan, unserved penalties included (the search's own measure). */
  readonly bestCost: number;
  readonly unassigned: number;
}

export function curvePoint(seconds: number, p: SolveProgress): CurvePoint {
  return { seconds, iterations: p.iterations, bestCost: p.bestCost, unassigned: p.unassigned };
}

/**
 * At most `max` points of a best-so-far curve: the first and last, and for each of `max - 2`
 * equal slices of the run's time the last point inside it (the exact curve value at the slice's
 * end, since the curve is a step function). Dense early improvements collapse into their slice.
 */
export function thinCurve(points: readonly CurvePoint[], max = 60): CurvePoint[] {
  if (points.length <= max) return points.slice();
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const span = last.seconds - first.seconds;
  const kept: CurvePoint[] = [first];
  let k = 1;
  for (let slice = 1; slice <= max - 2; slice++) {
    const end = first.seconds + (span * slice) / (max - 1);
    let pick: CurvePoint | undefined;
    while (k < points.length - 1 && points[k]!.seconds <= end) pick = points[k++];
    if (pick) kept.push(pick);
  }
  kept.push(last);
  return kept;
}

export function curveCsv(points: readonly CurvePoint[]): string {
  const lines = points.map((p) =>
    [p.seconds.toFixed(3), p.iterations, p.bestCost.toFixed(4), p.unassigned].join(","),
  );
  return `${["seconds,iterations,best_cost,unassigned", ...lines].join("\n")}\n`;
}

export interface Servability {
  /** Unassigned requests that one vehicle alone could take (the issue wants none of these). */
  readonly servableButUnassigned: number;
  readonly servableButUnassignedIds: readonly string[];
  /** Unassigned requests no vehicle can take even in an empty plan, by `insert()`'s reason. */
  readonly unservable: Readonly<Record<string, number>>;
}

/**
 * Whether each unassigned request is servable at all: servable when `insert()` into an empty plan
 * (no runs) of the same problem puts it on some vehicle.
 */
export function servability(problem: Problem, solution: Solution): Servability {
  const byId = new Map(problem.requests.map((r) => [r.id, r]));
  const servable: string[] = [];
  const unservable: Record<string, number> = {};
  for (const u of solution.unassigned) {
    const request = byId.get(u.request);
    if (!request)
      throw new Error(`unassigned request ${u.request} is not in problem ${problem.name}`);
    const out = insert(problem, { runs: [] }, request);
    if (out.ok) servable.push(u.request);
    else unservable[out.reason] = (unservable[out.reason] ?? 0) + 1;
  }
  return {
    servableButUnassigned: servable.length,
    servableButUnassignedIds: servable,
    unservable,
  };
}
