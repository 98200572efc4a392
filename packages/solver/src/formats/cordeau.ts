import { PROBLEM_VERSION, type Problem, type Request, type Vehicle } from "../problem";
import { euclideanMatrix, numericRows } from "./euclidean";

/**
 * Parses a Cordeau (2006) / Ropke et al. (2007) DARP file (`a2-16`, `b8-96`, …):
 * header `K n T Q L`, then nodes 0 (depot), 1..n pick-ups, n+1..2n drop-offs, 2n+1 (depot).
 * Location index = node id. Objective: distance; every request mandatory; fleet of K vehicles.
 */
export function parseCordeau(text: string, name?: string): Problem {
  const rows = numericRows(text);
  const header = rows[0];
  if (!header || header.length < 5) throw new Error("cordeau: expected header `K n T Q L`");
  const [K, n, T, Q, L] = header as [number, number, number, number, number];
  const nodes = rows.slice(1, 2 * n + 3);
  if (nodes.length !== 2 * n + 2)
    throw new Error(`cordeau: expected ${2 * n + 2} node lines, got ${nodes.length}`);
  nodes.forEach((row, i) => {
    if (row.length < 7 || row[0] !== i) throw new Error(`cordeau: node line ${i + 1} malformed`);
  });
  const xs = nodes.map((r) => r[1]!);
  const ys = nodes.map((r) => r[2]!);
  const m = euclideanMatrix(xs, ys);
  const window = (row: readonly number[]): [number, number] => [
    Math.max(0, row[5]!),
    Math.min(T, row[6]!),
  ];
  const requests: Request[] = [];
  for (let i = 1; i <= n; i++) {
    const p = nodes[i]!;
    const d = nodes[n + i]!;
    requests.push({
      id: String(i),
      pickup: { location: i, service: p[3]!, window: window(p) },
      dropoff: { location: n + i, service: d[3]!, window: window(d) },
      load: [p[4]!],
      maxRideTime: { absolute: L },
    });
  }
  const depot = nodes[0]!;
  const vehicles: Vehicle[] = Array.from({ length: K }, (_, k) => ({
    id: `v${k + 1}`,
    start: 0,
    end: 2 * n + 1,
    shift: [depot[5]!, depot[6]!],
    maxDuration: T,
    layouts: [[Q]],
    costs: { fixed: 0, perDistance: 1, perHour: 0 },
  }));
  return {
    version: PROBLEM_VERSION,
    ...(name ? { name } : {}),
    dimensions: ["seats"],
    locations: nodes.map((r) => ({ id: String(r[0]) })),
    matrices: { time: m, distance: m },
    requests,
    vehicles,
    objective: "distance",
  };
}
