import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { insert, solve } from "@tt/solver";
import { countyProblem } from "./county-instance";
import { repoRoot } from "./instances";
import { describeMachine } from "./machine";

/**
 * Same-day booking latency: plan a synthetic county of N requests (--requests, default 1000),
 * then time `insert()` for 50 further requests, each into the original plan, after 5 untimed
 * warm-up calls (a booking service is a long-lived process; the first call also flattens the matrices).
 * `npx tsx benchmarks/src/insert-latency.ts --requests 1000 --vehicles 100 --time-limit 20`
 */
const argv = process.argv.slice(2);
const get = (flag: string, dflt: number): number => {
  const i = argv.indexOf(flag);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const requests = get("--requests", 1000);
const vehicles = get("--vehicles", 100);
const timeLimit = get("--time-limit", 20);
const warmUp = 5;
const extra = 50;
const all = countyProblem({ requests: requests + warmUp + extra, vehicles, seed: 7 });
const base = { ...all, requests: all.requests.slice(0, requests) };
const plan = solve(base, { seed: 1, timeLimit, clock: () => performance.now() });
const times: number[] = [];
let accepted = 0;
for (const r of all.requests.slice(requests, requests + warmUp))
  insert({ ...base, requests: [...base.requests, r] }, plan, r);
for (const r of all.requests.slice(requests + warmUp)) {
  const t0 = performance.now();
  const out = insert({ ...base, requests: [...base.requests, r] }, plan, r);
  times.push(performance.now() - t0);
  if (out.ok) accepted++;
}
times.sort((a, b) => a - b);
const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const result = {
  machine: describeMachine(),
  planRequests: requests,
  planServed: requests - plan.unassigned.length,
  vehicles,
  warmUp,
  inserts: times.length,
  accepted,
  p50ms: q(0.5),
  p95ms: q(0.95),
  maxms: times[times.length - 1],
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(
  path.join(repoRoot, "benchmarks", "results", `insert-latency-${requests}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
