import type { Machine } from "./machine";

export interface ResultRow {
  readonly instance: string;
  readonly seed: number;
  readonly cost: number;
  readonly bks: number | undefined;
  readonly gap: number | undefined;
  readonly vehicles: number;
  readonly bksVehicles: number | undefined;
  readonly unassigned: number;
  readonly violations: number;
  readonly iterations: number;
  readonly seconds: number;
}

const num = (x: number | undefined, dp: number): string => (x === undefined ? "" : x.toFixed(dp));

export function toCsv(rows: readonly ResultRow[]): string {
  const head =
    "instance,seed,cost,bks,gap_pct,vehicles,bks_vehicles,unassigned,violations,iterations,seconds";
  const lines = rows.map((r) =>
    [
      r.instance,
      r.seed,
      num(r.cost, 4),
      num(r.bks, 4),
      num(r.gap, 3),
      r.vehicles,
      r.bksVehicles ?? "",
      r.unassigned,
      r.violations,
      r.iterations,
      num(r.seconds, 2),
    ].join(","),
  );
  return `${[head, ...lines].join("\n")}\n`;
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

export interface Summary {
  readonly runs: number;
  readonly feasibleComplete: number;
  readonly meanGap: number;
  readonly meanGapSameVehicles: number;
  readonly bksVehicleHits: number;
  readonly instances: number;
}

/** Gaps are averaged over all runs; for vehicles-then-distance sets also only over runs at BKS vehicles. */
export function summarise(rows: readonly ResultRow[]): Summary {
  const gaps = rows.filter((r) => r.gap !== undefined).map((r) => r.gap!);
  const same = rows.filter(
    (r) => r.bksVehicles !== undefined && r.vehicles === r.bksVehicles && r.gap !== undefined,
  );
  return {
    runs: rows.length,
    feasibleComplete: rows.filter((r) => r.violations === 0 && r.unassigned === 0).length,
    meanGap: mean(gaps),
    meanGapSameVehicles: mean(same.map((r) => r.gap!)),
    bksVehicleHits: rows.filter((r) => r.bksVehicles !== undefined && r.vehicles <= r.bksVehicles)
      .length,
    instances: new Set(rows.map((r) => r.instance)).size,
  };
}

/** `planned` runs in all: fewer rows means the file was written part-way (after each run). */
export function toMarkdown(
  title: string,
  rows: readonly ResultRow[],
  machine: Machine,
  command: string,
  planned = rows.length,
): string {
  const s = summarise(rows);
  const lines = [
    `# ${title}`,
    "",
    `Command: \`${command}\``,
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores (shared with other work), Node ${machine.node}, ${machine.platform}`,
    "",
  ];
  if (rows.length < planned)
    lines.push(
      `- **incomplete**: ${rows.length} of ${planned} runs finished (the run was stopped or is still going)`,
    );
  lines.push(
    `- runs: ${s.runs} (${s.instances} instances)`,
    `- feasible with every request served (checked by evaluate()): ${s.feasibleComplete} / ${s.runs}`,
    `- mean gap to BKS: ${s.meanGap.toFixed(3)} %`,
  );
  if (rows.some((r) => r.bksVehicles !== undefined)) {
    lines.push(`- runs at (or below) the BKS vehicle count: ${s.bksVehicleHits} / ${s.runs}`);
    lines.push(
      `- mean distance gap over runs at the BKS vehicle count: ${s.meanGapSameVehicles.toFixed(3)} %`,
    );
  }
  lines.push(
    "",
    "| instance | seed | cost | BKS | gap % | vehicles | BKS vehicles | seconds |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const r of rows) {
    lines.push(
      `| ${r.instance} | ${r.seed} | ${num(r.cost, 2)} | ${num(r.bks, 2)} | ${num(r.gap, 2)} | ${r.vehicles} | ${r.bksVehicles ?? ""} | ${num(r.seconds, 1)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
