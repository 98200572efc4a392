import type { IntegrationReport, PlanMetrics } from "../model/types";
import { barChart, escapeHtml, lineChart, type Series } from "./report-charts";
import { unassignedText, unassignedTotal } from "./report-csv";
import { type Boundaries, type MapRun, runsMap } from "./report-map";
import { REPORT_STYLE } from "./report-style";

export interface ReportHtmlInput {
  readonly report: IntegrationReport;
  /** The pooled plan's runs for the map (`mapRuns`); no map without them. */
  readonly runs?: readonly MapRun[];
  /** District boundaries (GeoJSON) drawn under the runs. */
  readonly boundaries?: Boundaries;
}

const pounds = (v: number) =>
  `${v < 0 ? "−" : ""}£${Math.abs(v).toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;
const whole = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 0 });
const oneDp = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 1 });
const twoDp = (v: number) =>
  v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (v: number) => `${oneDp(v)}%`;

/**
 * The analysis as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched,
 * so it opens offline and can be mailed. Every text from the data is escaped.
 */
export function reportHtml(input: ReportHtmlInput): string {
  const { report } = input;
  const title = `Silo and pooled planning: ${report.scenario.name}, ${report.scenario.date}`;
  const map = input.runs ? runsMap(report.funders, input.runs, input.boundaries) : undefined;
  const sections = [
    summarySection(report),
    chartsSection(report),
    metricsSection(report),
    sharesSection(report),
    peakSection(report),
    overlapSection(report),
    map ? `<section><h2>Pooled runs</h2>${map}</section>` : "",
    coalitionsSection(report),
  ];
  return standalonePage(title, sections.join("\n"));
}

/**
 * A self-contained page in the reports' style: inline CSS, no scripts, nothing fetched. The
 * title is escaped here; `body` is HTML the caller has escaped.
 */
export function standalonePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]) {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`,
    )
    .join("");
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function summarySection(report: IntegrationReport): string {
  const s = report.savings;
  const budget = [
    report.settings.timeLimitSeconds === undefined
      ? ""
      : `${report.settings.timeLimitSeconds} s per plan`,
    report.settings.iterations === undefined ? "" : `${report.settings.iterations} iterations`,
  ]
    .filter(Boolean)
    .join(", ");
  const checks =
    report.violations === 0
      ? "Every plan was checked again by the engine's evaluator and against the mixing policy: no violations."
      : `Warning: the checks found ${report.violations} violations; these figures are not reliable.`;
  return `<section><h2>Summary</h2>
<p>Each funder's demand was planned alone on its own fleet (silo) and all demand together on the pooled fleet, with the same engine, seed ${report.settings.seed}, budget (${escapeHtml(budget || "default")}) and travel times. Mixing policy ${escapeHtml(report.scenario.mixingPolicy)}. ${Object.keys(report.coalitions).length} plans in ${oneDp(report.seconds)} s.</p>
<p class="${report.violations === 0 ? "ok" : "warning"}">${escapeHtml(checks)}</p>
${table(
  "Savings of the pooled plan over the silo plans together",
  ["Indicator", "Silo plans", "Pooled plan", "Saving", "Saving %"],
  [
    [
      "Cost (without penalties)",
      pounds(report.siloTotal.cost.total),
      pounds(report.pooled.cost.total),
      pounds(s.cost),
      percent(s.costPercent),
    ],
    [
      "Vehicles used",
      whole(report.siloTotal.vehiclesUsed),
      whole(report.pooled.vehiclesUsed),
      whole(s.vehicles),
      percent(s.vehiclesPercent),
    ],
    [
      "Vehicle-km",
      whole(report.siloTotal.vehicleKm),
      whole(report.pooled.vehicleKm),
      whole(s.vehicleKm),
      percent(s.vehicleKmPercent),
    ],
    [
      "CO2e (kg)",
      whole(report.siloTotal.co2eKg),
      whole(report.pooled.co2eKg),
      whole(s.co2eKg),
      percent(s.co2ePercent),
    ],
    ["Requests served", whole(report.siloTotal.served), whole(report.pooled.served), "", ""],
  ],
)}
</section>`;
}

/** Per funder (silo, and its passengers in the pooled plan) and all funders together. */
function siloPooledSeries(report: IntegrationReport, pick: (m: PlanMetrics) => number) {
  const keys = report.funders.map((f) => f.key);
  const categories = [...report.funders.map((f) => f.name), "All funders"];
  const silo = [...keys.map((k) => pickOf(report.silo[k], pick)), pick(report.siloTotal)];
  const pooled = [...keys.map((k) => pickOf(report.pooledByFunder[k], pick)), pick(report.pooled)];
  const series: Series[] = [
    { name: "Silo", values: silo },
    { name: "Pooled", values: pooled },
  ];
  return { categories, series };
}

function pickOf(m: PlanMetrics | undefined, pick: (m: PlanMetrics) => number): number {
  return m ? pick(m) : 0;
}

function chartsSection(report: IntegrationReport): string {
  const charts = [
    ["cost", "Cost without penalties (£)", (m: PlanMetrics) => m.cost.total, pounds],
    ["vehicles", "Vehicles used", (m: PlanMetrics) => m.vehiclesUsed, oneDp],
    ["co2", "CO2e (kg)", (m: PlanMetrics) => m.co2eKg, whole],
  ] as const;
  const svg = charts.map(([id, name, pick, format]) => {
    const { categories, series } = siloPooledSeries(report, pick);
    const description = `${name} for each funder planned alone (silo) and for its passengers in the pooled plan, and for all funders together.`;
    return `<figure>${barChart(categories, series, { id, title: `${name}: silo and pooled`, description, format })}<figcaption>${escapeHtml(description)}</figcaption></figure>`;
  });
  return `<section><h2>Silo and pooled, by funder</h2>
<p>In the pooled plan a run may carry several funders' passengers: a funder's pooled cost, vehicles and CO2e are its part of each run it shares, split by passenger-km, so they can be fractions and add up to the pooled totals.</p>
${svg.join("\n")}</section>`;
}

const METRIC_ROWS: readonly [string, (m: PlanMetrics) => string][] = [
  ["Requests", (m) => whole(m.requests)],
  ["Served", (m) => whole(m.served)],
  ["Unassigned", (m) => whole(unassignedTotal(m))],
  ["Unassigned by reason", (m) => unassignedText(m) || "none"],
  ["Vehicles used", (m) => oneDp(m.vehiclesUsed)],
  ["Cost: fixed", (m) => pounds(m.cost.fixed)],
  ["Cost: distance", (m) => pounds(m.cost.distance)],
  ["Cost: time", (m) => pounds(m.cost.time)],
  ["Cost: total", (m) => pounds(m.cost.total)],
  ["Objective (with penalties)", (m) => pounds(m.objective)],
  ["Vehicle-km", (m) => whole(m.vehicleKm)],
  ["Vehicle-hours", (m) => oneDp(m.vehicleHours)],
  ["Passenger-km", (m) => whole(m.passengerKm)],
  ["Occupancy (passenger-km per vehicle-km)", (m) => twoDp(m.occupancy)],
  [
    "Ride time mean / max (min)",
    (m) => `${oneDp(m.rideMinutes.mean)} / ${oneDp(m.rideMinutes.max)}`,
  ],
  ["Ride-time ratio mean / max", (m) => `${twoDp(m.rideRatio.mean)} / ${twoDp(m.rideRatio.max)}`],
  ["CO2e (kg)", (m) => whole(m.co2eKg)],
];

function metricsSection(report: IntegrationReport): string {
  const columns: [string, PlanMetrics | undefined][] = [
    ...report.funders.flatMap((f): [string, PlanMetrics | undefined][] => [
      [`${f.name}: silo`, report.silo[f.key]],
      [`${f.name}: in pooled`, report.pooledByFunder[f.key]],
    ]),
    ["All: silo", report.siloTotal],
    ["All: pooled", report.pooled],
  ];
  const rows = METRIC_ROWS.map(([name, show]) => [
    name,
    ...columns.map(([, m]) => (m ? show(m) : "")),
  ]);
  return `<section><h2>Indicators</h2><div class="scroll">${table(
    "Indicators of each funder's silo plan, of its passengers in the pooled plan, and in total",
    ["Indicator", ...columns.map(([name]) => name)],
    rows,
  )}</div></section>`;
}

function sharesSection(report: IntegrationReport): string {
  const s = report.shares;
  const sampled = s.shapleyMethod === "sampled";
  const rows = report.funders.map((f) => [
    f.name,
    pounds(report.silo[f.key]?.objective ?? 0),
    pounds(s.shapley[f.key] ?? 0) +
      (sampled ? ` ± ${pounds(s.shapleyStandardError?.[f.key] ?? 0)}` : ""),
    pounds(s.proportionalToStandalone[f.key] ?? 0),
    pounds(s.perPassengerKm[f.key] ?? 0),
    s.paysMoreThanAlone.includes(f.key) ? "Yes: pays more than alone" : "No",
  ]);
  const categories = report.funders.map((f) => f.name);
  const pick = (record: Readonly<Record<string, number>>) =>
    report.funders.map((f) => record[f.key] ?? 0);
  const series: Series[] = [
    {
      name: "Standalone (silo plan)",
      values: report.funders.map((f) => report.silo[f.key]?.objective ?? 0),
    },
    { name: "Shapley", values: pick(s.shapley) },
    { name: "Proportional to standalone", values: pick(s.proportionalToStandalone) },
    { name: "Per passenger-km", values: pick(s.perPassengerKm) },
  ];
  const method = sampled
    ? "Shapley value estimated over sampled orders of the funders; ± is the standard error."
    : "Shapley value computed exactly over every coalition of funders.";
  const description =
    "Each funder's share of the pooled plan's objective under three rules, beside what it would pay alone.";
  return `<section><h2>Cost shares</h2>
<p>The pooled plan's objective (cost plus penalties for requests left unserved) shared between the funders. ${escapeHtml(method)}</p>
<figure>${barChart(categories, series, { id: "shares", title: "Cost shares and standalone cost", description, format: pounds })}<figcaption>${escapeHtml(description)}</figcaption></figure>
${table("Cost shares by funder (objective, pounds)", ["Funder", "Standalone", "Shapley", "Proportional to standalone", "Per passenger-km", "Pays more than alone?"], rows)}
</section>`;
}

function peakSection(report: IntegrationReport): string {
  const peak = report.peakVehicles;
  const names = Object.keys(peak.series);
  const label = (key: string) =>
    key === "pooled" ? "Pooled" : (report.funders.find((f) => f.key === key)?.name ?? key);
  const series: Series[] = names.map((key) => ({
    name: label(key),
    values: peak.series[key] ?? [],
  }));
  const description = `Vehicles out (between leaving and returning to the depot) in each ${peak.slotMinutes}-minute slot, for each funder's silo plan and the pooled plan.`;
  const rows = peak.slots.map((slot, i) => [
    slot,
    ...names.map((k) => whole(peak.series[k]?.[i] ?? 0)),
  ]);
  return `<section><h2>Vehicles out by time of day</h2>
<figure>${lineChart(peak.slots, series, { id: "peak", title: "Vehicles out by time of day", description, format: whole })}<figcaption>${escapeHtml(description)}</figcaption></figure>
<details><summary>Vehicles out by slot, as a table</summary>${table("Vehicles out by time slot", ["Slot", ...series.map((s) => s.name)], rows)}</details>
</section>`;
}

function overlapSection(report: IntegrationReport): string {
  const rows = report.overlap.map((o) => [
    o.service,
    o.carrier,
    whole(o.tested) + (o.sampled ? " (sample)" : ""),
    whole(o.feasible),
    percent(o.percent),
  ]);
  return `<section><h2>Overlap between services</h2>
<p>For each pair of services: the share of one service's trips that an existing run of the other service's silo plan could also take, within all its constraints.</p>
${table("Overlap per pair of services", ["Service", "Carried by runs of", "Trips tested", "Could be carried", "Share"], rows)}
</section>`;
}

function coalitionsSection(report: IntegrationReport): string {
  const rows = Object.entries(report.coalitions).map(([key, value]) => [key, pounds(value)]);
  return `<section><h2>Coalitions planned</h2>
${table("Objective of each coalition's plan (cost plus penalties, pounds)", ["Coalition", "Objective"], rows)}
</section>`;
}
