/**
 * Bulk entitlement benchmark: 10,000 pupils of a deterministic cohort assessed for home to school
 * transport against the demo's school register (nearest suitable schools by phase, age range and
 * SEN provision; walking and road distances estimated as straight line × the policy's circuity).
 * Writes `benchmarks/results/entitlement-bulk.json`. Target: 10,000 pupils in ≤ 10 s.
 *
 *   npx tsx benchmarks/src/entitlement-bulk.ts
 *
 * Reported time is the median of 5 runs after one warm-up run, each over the whole cohort.
 */
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assessCohort } from "@tt/app";
import { ENGLAND_2026 } from "@tt/domain";
import { defaultDataDir, loadLsoas, loadSchools } from "@tt/integrations";
import { generatePupils, registerFromDerivedSchools } from "./entitlement-cohort";
import { describeMachine } from "./machine";

const PUPILS = 10_000;
const RUNS = 5;
const ASSESSED_ON = "2026-10-01";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Median, min and max seconds of `RUNS` timed runs after one warm-up. */
function time(work: () => void): { median: number; min: number; max: number } {
  work();
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    work();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const pick = (i: number) => round(seconds[i] ?? 0);
  return { median: pick(Math.floor(RUNS / 2)), min: pick(0), max: pick(RUNS - 1) };
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const register = registerFromDerivedSchools(await loadSchools(dataDir));
  const lsoas = await loadLsoas(dataDir);
  const pupils = generatePupils(PUPILS, lsoas, register);
  const options = { policy: ENGLAND_2026, assessedOn: ASSESSED_ON };
  const seconds = time(() => assessCohort(pupils, register, options));
  const result = {
    command: "npx tsx benchmarks/src/entitlement-bulk.ts",
    protocol: {
      pupils: pupils.length,
      schoolsOnRegister: register.length,
      lsoas: lsoas.length,
      assessedOn: ASSESSED_ON,
      policy: `${ENGLAND_2026.id}@${ENGLAND_2026.version}`,
      seed: 20261122,
      runs: RUNS,
      timing: "median of the runs after one warm-up; whole cohort each run, in one process",
      target: "10,000 pupils in at most 10 s",
    },
    machine: describeMachine(),
    seconds,
    pupilsPerSecond: Math.round(pupils.length / seconds.median),
    summary: assessCohort(pupils, register, options).summary,
  };
  writeFileSync(
    join(root, "benchmarks/results/entitlement-bulk.json"),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(
    `${pupils.length} pupils against ${register.length} schools: ${seconds.median.toFixed(3)} s (median of ${RUNS})`,
  );
}

const round = (value: number) => Math.round(value * 1000) / 1000;

await main();
