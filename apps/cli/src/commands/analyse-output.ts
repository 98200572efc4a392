import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type Boundaries,
  type IntegrationReport,
  type PlanMetrics,
  type ReportHtmlInput,
  reportCsv,
  reportHtml,
} from "@tt/app";
import { defaultDataDir } from "@tt/integrations";

const pounds = (v: number) =>
  `${v < 0 ? "-" : ""}£${Math.abs(Math.round(v)).toLocaleString("en-GB")}`;
const one = (v: number) => (Math.round(v * 10) / 10).toLocaleString("en-GB");

function line(name: string, m: PlanMetrics): string {
  return (
    `  ${name.padEnd(28)} ${String(m.served).padStart(5)}/${String(m.requests).padEnd(5)} ` +
    `${one(m.vehiclesUsed).padStart(6)} ${pounds(m.cost.total).padStart(10)} ` +
    `${one(m.vehicleKm).padStart(9)} ${one(m.co2eKg).padStart(8)}`
  );
}

/** The report in a few lines for a person at a terminal. */
export function describeReport(report: IntegrationReport): string[] {
  const s = report.savings;
  const shares = report.funders.map(
    (f) =>
      `  ${f.key.padEnd(28)} Shapley ${pounds(report.shares.shapley[f.key] ?? 0)}, alone ${pounds(report.silo[f.key]?.objective ?? 0)}` +
      (report.shares.paysMoreThanAlone.includes(f.key) ? "  (pays more than alone)" : ""),
  );
  return [
    `Integration analysis: ${report.scenario.name}, ${report.scenario.date} (mixing policy ${report.scenario.mixingPolicy})`,
    `  ${"plan".padEnd(28)} served/asked vehicles       cost  vehicle-km  CO2e kg`,
    ...report.funders.map((f) => line(`${f.key} (silo)`, report.silo[f.key] as PlanMetrics)),
    line("all silos", report.siloTotal),
    line("pooled", report.pooled),
    `Savings: ${pounds(s.cost)} (${one(s.costPercent)}%), ${one(s.vehicles)} vehicles (${one(s.vehiclesPercent)}%), ` +
      `${one(s.vehicleKm)} vehicle-km (${one(s.vehicleKmPercent)}%), ${one(s.co2eKg)} kg CO2e (${one(s.co2ePercent)}%).`,
    `Cost shares of the pooled objective (${report.shares.shapleyMethod} Shapley value):`,
    ...shares,
    `${Object.keys(report.coalitions).length} plans in ${one(report.seconds)} s; violations: ${report.violations}.`,
  ];
}

/** Progress lines on `out`: every plan finished, and every tenth of the way. */
export function progressPrinter(out: NodeJS.WritableStream) {
  let shown = -1;
  return (fraction: number, message: string) => {
    const percent = Math.floor(fraction * 100);
    const step = Math.floor(percent / 10);
    if (message.startsWith("planning ") && step === shown) return;
    shown = step;
    out.write(`[${String(percent).padStart(3)}%] ${message}\n`);
  };
}

/** The district boundaries in data/, or undefined when the file is not there. */
export async function loadBoundaries(dataDir = defaultDataDir()): Promise<Boundaries | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, "districts.geojson"), "utf8")) as Boundaries;
  } catch {
    return undefined;
  }
}

/** report.json, one CSV per table and report.html in `dir` (made if missing). */
export async function writeReportFiles(
  dir: string,
  input: Omit<ReportHtmlInput, "boundaries">,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const boundaries = await loadBoundaries();
  const files: Record<string, string> = {
    "report.json": `${JSON.stringify(input.report, null, 2)}\n`,
    ...reportCsv(input.report),
    "report.html": reportHtml({ ...input, ...(boundaries ? { boundaries } : {}) }),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}
