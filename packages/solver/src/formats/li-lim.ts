import { PROBLEM_VERSION, type Problem, type Request, type Vehicle } from "../problem";
import { euclideanMatrix, numericRows } from "./euclidean";

/**
 * Parses a Li & Lim (2001) PDPTW file: header `K Q S`, then `id x y demand e l s pickup delivery`
 * per task (task 0 = depot). Location index = task id. Objective: vehicles, then distance.
 */
export function parseLiLim(text: string, name?: string): Problem {
  const rows = numericRows(text);
  const header = rows[0];
  if (!header || header.length < 2) throw new Error("lilim: expected header `K Q S`");
  const [K, Q] = header as [number, number];
  const tasks = rows.slice(1);
  tasks.forEach((row, i) => {
    if (row.length < 9 || row[0] !== i) throw new Error(`lilim: task line ${i + 1} malformed`);
  });
  const m = euclideanMatrix(
    tasks.map((r) => r[1]!),
    tasks.map((r) => r[2]!),
  );
  const requests: Request[] = [];
  for (const row of tasks.slice(1)) {
    const delivery = row[8]!;
    if (row[3]! <= 0 || delivery === 0) continue;
    const d = tasks[delivery];
    if (!d || d[7] !== row[0])
      throw new Error(`lilim: task ${row[0]} names delivery ${delivery}, which does not pair back`);
    requests.push({
      id: String(row[0]),
      pickup: { location: row[0]!, service: row[6]!, window: [row[4]!, row[5]!] },
      dropoff: { location: delivery, service: d[6]!, window: [d[4]!, d[5]!] },
      load: [row[3]!],
    });
  }
  const depot = tasks[0]!;
  const vehicles: Vehicle[] = Array.from({ length: K }, (_, k) => ({
    id: `v${k + 1}`,
    start: 0,
    end: 0,
    shift: [depot[4]!, depot[5]!],
    layouts: [[Q]],
    costs: { fixed: 0, perDistance: 1, perHour: 0 },
  }));
  return {
    version: PROBLEM_VERSION,
    ...(name ? { name } : {}),
    dimensions: ["load"],
    locations: tasks.map((r) => ({ id: String(r[0]) })),
    matrices: { time: m, distance: m },
    requests,
    vehicles,
    objective: "vehicles-then-distance",
  };
}
