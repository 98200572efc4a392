import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "../../register";
import type { IntegrationReport, PlanMetrics } from "../model/types";

type Cell = string | number | boolean | undefined;

/** The report's tables, one CSV each, by file name. */
export const REPORT_TABLES = [
  "metrics",
  "savings",
  "shares",
  "coalitions",
  "overlap",
  "peak-vehicles",
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/**
 * The report as CSV files, one per table, by file name (e.g. "metrics.csv"). Text cells a
 * spreadsheet would run as formulas are neutralised, as in every CSV export.
 */
export function reportCsv(report: IntegrationReport): Record<string, string> {
  return Object.fromEntries(
    REPORT_TABLES.map((table) => [`${table}.csv`, reportTableCsv(report, table)]),
  );
}

/** One table of the report as CSV. */
export function reportTableCsv(report: IntegrationReport, table: ReportTable): string {
  const rows = TABLES[table](report);
  return stringify(rows.map((row) => row.map(cell)));
}

function cell(value: Cell): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(round(value)) : "";
  return neutraliseFormula(String(value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const TABLES: Record<ReportTable, (report: IntegrationReport) => Cell[][]> = {
  metrics: metricsTable,
  savings: savingsTable,
  shares: sharesTable,
  coalitions: (report) => [
    ["coalition", "objective_pounds"],
    ...Object.entries(report.coalitions).map(([key, value]) => [key, value]),
  ],
  overlap: (report) => [
    ["service", "carrier", "tested", "feasible", "percent", "sampled"],
    ...report.overlap.map((o) => [
      o.service,
      o.carrier,
      o.tested,
      o.feasible,
      o.percent,
      o.sampled,
    ]),
  ],
  "peak-vehicles": peakTable,
};

const METRIC_COLUMNS: readonly [string, (m: PlanMetrics) => Cell][] = [
  ["requests", (m) => m.requests],
  ["served", (m) => m.served],
  ["unassigned", (m) => unassignedTotal(m)],
  ["unassigned_by_reason", (m) => unassignedText(m)],
  ["vehicles_used", (m) => m.vehiclesUsed],
  ["cost_fixed", (m) => m.cost.fixed],
  ["cost_distance", (m) => m.cost.distance],
  ["cost_time", (m) => m.cost.time],
  ["cost_total", (m) => m.cost.total],
  ["objective", (m) => m.objective],
  ["vehicle_km", (m) => m.vehicleKm],
  ["vehicle_hours", (m) => m.vehicleHours],
  ["passenger_km", (m) => m.passengerKm],
  ["occupancy", (m) => m.occupancy],
  ["ride_minutes_mean", (m) => m.rideMinutes.mean],
  ["ride_minutes_max", (m) => m.rideMinutes.max],
  ["ride_ratio_mean", (m) => m.rideRatio.mean],
  ["ride_ratio_max", (m) => m.rideRatio.max],
  ["co2e_kg", (m) => m.co2eKg],
];

/** Requests not served, all reasons together. */
export function unassignedTotal(m: PlanMetrics): number {
  return Object.values(m.unassigned).reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** "time-window 3; capacity 1". */
export function unassignedText(m: PlanMetrics): string {
  return Object.entries(m.unassigned)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${reason} ${n}`)
    .join("; ");
}

/** Each funder silo and pooled (its requests in the pooled plan), then the totals. */
function metricsTable(report: IntegrationReport): Cell[][] {
  const row = (funder: string, plan: string, m: PlanMetrics | undefined): Cell[] =>
    m ? [funder, plan, ...METRIC_COLUMNS.map(([, pick]) => pick(m))] : [funder, plan];
  return [
    ["funder", "plan", ...METRIC_COLUMNS.map(([name]) => name)],
    ...report.funders.flatMap((f) => [
      row(f.key, "silo", report.silo[f.key]),
      row(f.key, "pooled", report.pooledByFunder[f.key]),
    ]),
    row("all", "silo", report.siloTotal),
    row("all", "pooled", report.pooled),
  ];
}

function savingsTable(report: IntegrationReport): Cell[][] {
  const s = report.savings;
  return [
    ["indicator", "silo", "pooled", "saving", "saving_percent"],
    ["cost_pounds", report.siloTotal.cost.total, report.pooled.cost.total, s.cost, s.costPercent],
    [
      "vehicles",
      report.siloTotal.vehiclesUsed,
      report.pooled.vehiclesUsed,
      s.vehicles,
      s.vehiclesPercent,
    ],
    [
      "vehicle_km",
      report.siloTotal.vehicleKm,
      report.pooled.vehicleKm,
      s.vehicleKm,
      s.vehicleKmPercent,
    ],
    ["co2e_kg", report.siloTotal.co2eKg, report.pooled.co2eKg, s.co2eKg, s.co2ePercent],
  ];
}

function sharesTable(report: IntegrationReport): Cell[][] {
  const s = report.shares;
  const sampled = s.shapleyMethod === "sampled";
  return [
    [
      "funder",
      "standalone_objective",
      "shapley",
      ...(sampled ? ["shapley_standard_error"] : []),
      "proportional_to_standalone",
      "per_passenger_km",
      "pays_more_than_alone",
    ],
    ...report.funders.map((f) => [
      f.key,
      report.silo[f.key]?.objective,
      s.shapley[f.key],
      ...(sampled ? [s.shapleyStandardError?.[f.key]] : []),
      s.proportionalToStandalone[f.key],
      s.perPassengerKm[f.key],
      s.paysMoreThanAlone.includes(f.key),
    ]),
  ];
}

function peakTable(report: IntegrationReport): Cell[][] {
  const names = Object.keys(report.peakVehicles.series);
  return [
    ["slot", ...names],
    ...report.peakVehicles.slots.map((slot, i) => [
      slot,
      ...names.map((name) => report.peakVehicles.series[name]?.[i]),
    ]),
  ];
}
