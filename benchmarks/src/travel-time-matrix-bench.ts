/**
 * Times the geometric travel-time provider on square matrices of 1,000 / 3,000 / 5,000 points
 * (deterministic pseudo-random points over Cambridgeshire & Peterborough, shipped urban/rural
 * points) and writes `benchmarks/results/travel-time-matrix.json`.
 *
 *   npx tsx benchmarks/src/travel-time-matrix-bench.ts
 *
 * Each size runs in its own child process (with --expose-gc, collecting between runs) so that its
 * peak RSS is that of one matrix. Reported time is the median of the runs after one warm-up.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LatLon } from "@tt/app";
import { loadGeometricProvider } from "@tt/integrations";

const SIZES = [1000, 3000, 5000];
const RUNS = 3;
const script = fileURLToPath(import.meta.url);
const root = resolve(dirname(script), "../..");

function areaPoints(count: number): LatLon[] {
  let s = 20261122;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: count }, () => ({
    lat: 52.0 + next() * 0.75,
    lon: -0.5 + next() * 0.9,
  }));
}

async function measure(size: number): Promise<void> {
  const provider = await loadGeometricProvider();
  const points = areaPoints(size);
  await provider.matrix(points.slice(0, 200)); // warm-up
  const seconds: number[] = [];
  let checksum = 0;
  for (let r = 0; r < RUNS; r++) {
    (globalThis as { gc?: () => void }).gc?.(); // free the previous run's matrix first
    const start = process.hrtime.bigint();
    const m = await provider.matrix(points);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    checksum = m.durations[m.durations.length - 2] ?? 0;
  }
  seconds.sort((a, b) => a - b);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result = {
    points: size,
    cells: size * size,
    runs: RUNS,
    medianSeconds: seconds[1],
    minSeconds: seconds[0],
    peakRssMb: Math.round(peakRssMb),
    checksum,
  };
  process.stdout.write(JSON.stringify(result));
}

function main(): void {
  const results = SIZES.map((size) => {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, "--expose-gc", script, "--size", String(size)],
      { encoding: "utf8" },
    );
    const row = JSON.parse(out) as { points: number; medianSeconds: number; peakRssMb: number };
    console.log(
      `${row.points} points: ${row.medianSeconds.toFixed(3)} s (median of ${RUNS}), peak RSS ${row.peakRssMb} MB`,
    );
    return row;
  });
  const cpu = cpus();
  const machine = {
    cpuModel: cpu[0]?.model ?? "unknown",
    logicalCores: cpu.length,
    totalMemoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  const report = {
    command: "npx tsx benchmarks/src/travel-time-matrix-bench.ts",
    provider: "geometric (shipped urban/rural points)",
    matrix: "square, durations and distances as Float64Array",
    machine,
    results,
  };
  writeFileSync(
    join(root, "benchmarks/results/travel-time-matrix.json"),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}

const sizeArg = process.argv.indexOf("--size");
if (sizeArg > 0) await measure(Number(process.argv[sizeArg + 1]));
else main();
