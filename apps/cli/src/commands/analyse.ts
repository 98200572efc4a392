import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AppError,
  analyseIntegration,
  type IntegrationScenario,
  MAX_TIME_LIMIT_SECONDS,
  mapRuns,
  parseIntegrationScenario,
  type StoredAnalysis,
} from "@tt/app";
import { buildDemoIntegrationScenario } from "@tt/demo";
import { isIsoDate } from "@tt/domain";
import { configuredTravelTimes, loadConfig } from "@tt/server";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { cliSolveRunner } from "../database";
import { type AnalysisRequest, analyseThroughApi } from "./analyse-api";
import { describeReport, progressPrinter, writeReportFiles } from "./analyse-output";
import { loadDemoGeography } from "./demo";

/** Seconds per plan when neither a time limit nor iterations are given. */
export const DEFAULT_ANALYSIS_TIME_LIMIT = 10;

const USAGE = `
Usage: tt analyse integration (--demo | --scenario DIR | --organisation ID_OR_NAME --date YYYY-MM-DD)
                              [--time-limit S | --iterations N] [--seed N] [--parallel N]
                              [--date YYYY-MM-DD] [--silo-fleets contracts|market] [--as EMAIL]
                              [--json] [--out DIR]

Silo versus pooled planning ("Total Transport"): plans each funder's demand alone on its own
fleet and everything together on the pooled fleet, and every coalition of funders the Shapley
cost shares need (all of them up to six funders), with the same engine, seed, budget and travel
times. Reports vehicles, cost, km, hours, passenger-km, occupancy, ride times, unassigned, CO2e,
savings, cost shares, overlap between services and vehicles out by time of day.
  --demo        the Cambridgeshire & Peterborough demo, built in memory (travel times from
                TT_TRAVEL_TIMES, default the geometric model)
  --scenario    a folder with scenario.json (an IntegrationScenario) and, optionally,
                mixing.json (a mixing policy that replaces the scenario's)
  --organisation the organisation's day from the database, through the HTTP API as one of its
                users (a job, followed to its end): a partnership's analyses its members' days
                under their analysis agreements, each budget's silo on the vehicles its member
                holds or is granted for it
  --as          with --organisation: the email of the user to act as (default: its first admin)
  --date        the demo's service date (default: the demo's own)
  --silo-fleets with --demo: "contracts" (default; each vehicle in the fleet of the funder that
                holds its contract, data/README.md) or "market" (any funder alone may use any
                vehicle)
  --time-limit  seconds per plan (default ${DEFAULT_ANALYSIS_TIME_LIMIT}, at most ${MAX_TIME_LIMIT_SECONDS})
  --iterations  stop each plan after N iterations instead: same seed and N, same report
  --seed        random seed of every plan (default 1)
  --parallel    plans at once (default: cores − 1, at least 1)
  --json        print the report as JSON on stdout (progress goes to stderr)
  --out         write report.json, one CSV per table and report.html to DIR
Method and limits: docs/integration-analysis.md.
Exit codes: 0 done, 1 failed or a plan broke a rule, 2 usage error, 3 invalid scenario.
`;

function wholeNumber(name: string, text: string | undefined, min = 0): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,10}$/.test(text) || Number(text) < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${text}"`);
  return Number(text);
}

const SILO_FLEETS = ["market", "contracts"] as const;
type SiloFleets = (typeof SILO_FLEETS)[number];

export interface AnalyseFlags {
  readonly source:
    | { readonly demo: true; readonly date?: string; readonly siloFleets?: SiloFleets }
    | { readonly dir: string }
    | { readonly organisation: string; readonly date: string; readonly as?: string };
  readonly timeLimitSeconds?: number;
  readonly iterations?: number;
  readonly seed: number;
  readonly parallel?: number;
  readonly json: boolean;
  readonly out?: string;
}

/** The flags of `tt analyse integration`, or a usage error naming the flag. */
export function parseAnalyseFlags(argv: string[]): AnalyseFlags {
  const { values, positionals } = parseFlags(argv, {
    demo: { type: "boolean" },
    scenario: { type: "string" },
    organisation: { type: "string" },
    as: { type: "string" },
    date: { type: "string" },
    "silo-fleets": { type: "string" },
    "time-limit": { type: "string" },
    iterations: { type: "string" },
    seed: { type: "string" },
    parallel: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
  });
  const [what, ...rest] = positionals;
  if (what !== "integration") throw new UsageError('name the analysis: "tt analyse integration"');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const sources = [values.demo, values.scenario, values.organisation].filter(Boolean).length;
  if (sources !== 1)
    throw new UsageError("give one of --demo, --scenario DIR or --organisation ID_OR_NAME");
  if (values.date !== undefined && (values.scenario || !isIsoDate(values.date)))
    throw new UsageError(
      "--date YYYY-MM-DD goes with --demo or --organisation, as a date that exists",
    );
  if (values.organisation && values.date === undefined)
    throw new UsageError("--organisation needs --date YYYY-MM-DD");
  if (values.as !== undefined && !values.organisation)
    throw new UsageError("--as goes with --organisation");
  const siloFleets = values["silo-fleets"];
  if (siloFleets !== undefined && (!values.demo || !SILO_FLEETS.includes(siloFleets as SiloFleets)))
    throw new UsageError("--silo-fleets market|contracts goes with --demo");
  const timeLimitSeconds = wholeNumber("time-limit", values["time-limit"], 1);
  if (timeLimitSeconds !== undefined && timeLimitSeconds > MAX_TIME_LIMIT_SECONDS)
    throw new UsageError(`--time-limit must be at most ${MAX_TIME_LIMIT_SECONDS}`);
  const iterations = wholeNumber("iterations", values.iterations, 1);
  const parallel = wholeNumber("parallel", values.parallel, 1);
  const organisation = values.organisation;
  return {
    source: organisation
      ? { organisation, date: values.date ?? "", ...(values.as ? { as: values.as } : {}) }
      : values.scenario
        ? { dir: values.scenario }
        : {
            demo: true,
            ...(values.date ? { date: values.date } : {}),
            ...(siloFleets ? { siloFleets: siloFleets as SiloFleets } : {}),
          },
    ...(timeLimitSeconds === undefined && iterations === undefined
      ? { timeLimitSeconds: DEFAULT_ANALYSIS_TIME_LIMIT }
      : {}),
    ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }),
    ...(iterations === undefined ? {} : { iterations }),
    seed: wholeNumber("seed", values.seed) ?? 1,
    ...(parallel === undefined ? {} : { parallel }),
    json: Boolean(values.json),
    ...(values.out ? { out: values.out } : {}),
  };
}

async function readJson(file: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && code === "ENOENT") return undefined;
    throw new UsageError(`cannot read ${file}: ${code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("validation-failed", `${file} is not valid JSON.`, [
      { path: file, message: (error as Error).message },
    ]);
  }
}

/** The scenario from a folder (scenario.json, optional mixing.json), checked in full. */
export async function readScenarioDir(dir: string): Promise<IntegrationScenario> {
  const scenario = await readJson(join(dir, "scenario.json"), true);
  const mixing = await readJson(join(dir, "mixing.json"), false);
  return parseIntegrationScenario(scenario, mixing);
}

type InMemorySource = Exclude<AnalyseFlags["source"], { organisation: string }>;

async function loadScenario(source: InMemorySource): Promise<IntegrationScenario> {
  if ("dir" in source) return readScenarioDir(source.dir);
  const travelTimes = await configuredTravelTimes(loadConfig());
  const geography = await loadDemoGeography();
  return buildDemoIntegrationScenario(travelTimes, {
    geography,
    ...(source.date ? { date: source.date } : {}),
    ...(source.siloFleets ? { siloFleets: source.siloFleets } : {}),
  });
}

export const analyseCommand: Command = {
  name: "analyse",
  usage: USAGE,
  async run(argv) {
    const flags = parseAnalyseFlags(argv);
    const { source } = flags;
    if ("organisation" in source) {
      const result = await analyseThroughApi(source, requestOf(source.date, flags), flags.out);
      return printReport({ ...flags, out: undefined }, result);
    }
    const scenario = await loadScenario(source);
    const { report, pooled } = await analyseIntegration(scenario, {
      seed: flags.seed,
      ...(flags.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: flags.timeLimitSeconds }),
      ...(flags.iterations === undefined ? {} : { iterations: flags.iterations }),
      ...(flags.parallel === undefined ? {} : { parallel: flags.parallel }),
      // Let the engine finish building a large first plan even past its time limit.
      runner: cliSolveRunner(MAX_TIME_LIMIT_SECONDS),
      onProgress: progressPrinter(process.stderr),
    });
    return printReport(flags, { report, runs: mapRuns(scenario, pooled) });
  },
};

/** The API's request body for these flags. */
function requestOf(date: string, flags: AnalyseFlags): AnalysisRequest {
  return {
    date,
    seed: flags.seed,
    ...(flags.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: flags.timeLimitSeconds }),
    ...(flags.iterations === undefined ? {} : { iterations: flags.iterations }),
    ...(flags.parallel === undefined ? {} : { parallel: flags.parallel }),
  };
}

async function printReport(
  flags: Omit<AnalyseFlags, "out"> & { out?: string | undefined },
  stored: StoredAnalysis,
): Promise<number> {
  const { report } = stored;
  if (flags.out) await writeReportFiles(flags.out, stored);
  const text = flags.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : `${describeReport(report).join("\n")}\n`;
  process.stdout.write(text);
  if (flags.out) process.stderr.write(`Report written to ${flags.out}\n`);
  if (report.violations > 0) {
    process.stderr.write(`tt analyse: the checks found ${report.violations} violations\n`);
    for (const line of report.violationDetails) process.stderr.write(`  ${line}\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}
