/**
 * The booking desk on the demo county day: plans Cambridgeshire's day of 2026-11-24 (about 4,000
 * trip requests) through `tt serve` and the HTTP API, publishes it, then asks for options for
 * `--trips` one-off trips of different passengers (to places of the register, across the day) as
 * the county's booking agent, and books `--book` of them. Reports, from request to options, the
 * HTTP time and the engine's own search (`Server-Timing: insert`), p50 and p95; the time to book;
 * and checks every booked revision with the engine's `evaluate()` against its Problem made whole
 * again (`POST /api/plans/{id}/evaluate`: its "before"). Writes `results/county-booking.json`
 * with the machine and its load average.
 *
 *   TT_DATA_DIR=/tmp/demo npx tt demo
 *   npx tsx benchmarks/src/county-booking.ts --data-dir /tmp/demo [--time-limit 30] [--trips 60] [--book 10]
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "./files";
import { apiCall, apiMust, type Json, machineWithLoad } from "./freeze/api";
import { percentiles, planDay } from "./freeze/load";
import { apiToken } from "./freeze/seed";
import { serve } from "./freeze/serve";
import { repoRoot } from "./instances";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    "time-limit": { type: "string", default: "30" },
    trips: { type: "string", default: "60" },
    book: { type: "string", default: "10" },
  },
});
const dataDir = values["data-dir"];
if (!dataDir) throw new Error("--data-dir: a directory holding the demo (`tt demo`)");
const DATE = "2026-11-24";
const DOMAIN = "cambridgeshire.demo";
const DEMO_PASSWORD = "fenland-demo-2026";

interface Answer {
  readonly json: Json;
  readonly ms: number;
  readonly insertMs: number | undefined;
}

async function call(base: string, token: string, method: string, route: string, body?: unknown) {
  const answer = await apiMust(base, token, method, route, body);
  const timing = /insert;dur=([\d.]+)/.exec(answer.serverTiming);
  return { ...answer, insertMs: timing ? Number(timing[1]) : undefined } satisfies Answer;
}

const runsCost = (cost: Record<string, number>) =>
  Math.round(((cost.fixed ?? 0) + (cost.distance ?? 0) + (cost.time ?? 0)) * 100) / 100;
const items = (answer: Answer) => (answer.json.items ?? []) as Json[];
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Trips of `count` passengers spread over the register, to its places, 09:00 to 15:55. */
async function trips(base: string, token: string, count: number): Promise<Json[]> {
  const funders = items(await call(base, token, "GET", "/api/funders?limit=100"));
  const places = items(await call(base, token, "GET", "/api/places?limit=100"));
  const first = await call(base, token, "GET", "/api/passengers?limit=1");
  const total = Number(first.json.total);
  const step = Math.max(1, Math.floor(total / count));
  const out: Json[] = [];
  for (let i = 0; out.length < count && i * step < total; i++) {
    const page = await call(base, token, "GET", `/api/passengers?limit=1&offset=${i * step}`);
    const passenger = items(page)[0];
    const place = places[(i * 7) % places.length];
    if (!passenger || !place) continue;
    out.push({
      date: DATE,
      passengerId: passenger.id,
      funderId: funders[0]?.id,
      purpose: "demand-responsive",
      origin: { kind: "home" },
      destination: { kind: "place", placeId: place.id },
      timing: "depart-after",
      time: clock(540 + ((i * 37) % 420)),
      windowMinutes: 30,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const server = serve({ TT_DATA_DIR: path.resolve(String(dataDir)) });
  try {
    const base = await server.url;
    const commissioner = await apiToken(base, `commissioner@${DOMAIN}`, DEMO_PASSWORD);
    const agent = await apiToken(base, `booking-agent@${DOMAIN}`, DEMO_PASSWORD);
    const planStarted = performance.now();
    const job = await planDay(base, commissioner, DATE, Number(values["time-limit"]));
    if (job.status !== "succeeded") throw new Error(`the day plan ${job.status}`);
    const planSeconds = Math.round((performance.now() - planStarted) / 100) / 10;
    const list = await call(base, commissioner, "GET", `/api/plans?serviceDate=${DATE}&limit=1`);
    const header = items(list)[0] ?? {};
    await call(base, commissioner, "POST", `/api/plans/${header.id}/publish`);
    const wanted = await trips(base, agent, Number(values.trips));
    const asked: Answer[] = [];
    const found: Json[] = [];
    for (const trip of wanted) {
      const answer = await call(base, agent, "POST", "/api/bookings/options", trip);
      asked.push(answer);
      found.push(answer.json);
    }
    // The first ask makes the county's matrices again from their points: reported apart.
    const [firstAsk, ...rest] = asked;
    const withOptions = found.filter((f) => ((f.options ?? []) as Json[]).length > 0).length;
    const booked: { ms: number; planId: string; trip: string; vehicle: string }[] = [];
    let askedAgain = 0;
    for (const [i, trip] of wanted.entries()) {
      if (booked.length >= Number(values.book)) break;
      let vehicleId = ((found[i]?.options ?? []) as Json[])[0]?.vehicleId;
      if (!vehicleId) continue;
      let answer = await apiCall(base, agent, "POST", "/api/bookings", {
        booking: trip,
        vehicleId,
      });
      // Options asked before the bookings made since may be gone (room taken, or a passenger
      // it may not travel with now on that run): ask again once, as an agent would.
      if (answer.status === 409) {
        askedAgain += 1;
        const again = await call(base, agent, "POST", "/api/bookings/options", trip);
        vehicleId = ((again.json.options ?? []) as Json[])[0]?.vehicleId;
        if (!vehicleId) continue;
        answer = await apiCall(base, agent, "POST", "/api/bookings", { booking: trip, vehicleId });
      }
      if (answer.status !== 201)
        throw new Error(`booking: ${answer.status} ${JSON.stringify(answer.json)}`);
      const made = answer.json;
      booked.push({
        ms: answer.ms,
        planId: String(made.planId),
        trip: String(made.tripRequestId),
        vehicle: String(vehicleId),
      });
    }
    const checks: Json[] = [];
    for (const b of booked) {
      const move = { request: b.trip, toVehicle: b.vehicle };
      const answer = await call(base, commissioner, "POST", `/api/plans/${b.planId}/evaluate`, {
        move,
      });
      const before = answer.json.before as Json;
      const plan = await call(base, commissioner, "GET", `/api/plans/${b.planId}`);
      const summary = plan.json.summary as { cost: { total: number }; revision?: number };
      checks.push({
        planId: b.planId,
        revision: plan.json.revision,
        violations: (before.violations as unknown[]).length,
        unserved: (before.unserved as string[]).includes(b.trip) ? "the booked trip!" : "not it",
        costStored: summary.cost.total,
        // The runs' cost: the evaluation's total less the penalties of unserved requests.
        costEvaluated: runsCost(before.cost as Record<string, number>),
        checkMs: Math.round(answer.ms),
      });
    }
    const round = (xs: number[]) => xs.map((x) => Math.round(x * 10) / 10);
    const inside = rest.flatMap((a) => (a.insertMs === undefined ? [] : [a.insertMs]));
    const result = {
      command: `npx tsx benchmarks/src/county-booking.ts --data-dir DIR --time-limit ${values["time-limit"]} --trips ${values.trips} --book ${values.book}`,
      date: DATE,
      organisation: "Cambridgeshire County Council",
      machine: machineWithLoad(loadBefore),
      plan: {
        requests: (header.summary as Json).requests,
        assigned: (header.summary as Json).assigned,
        vehiclesUsed: (header.summary as Json).vehiclesUsed,
        secondsEndToEnd: planSeconds,
      },
      options: {
        asked: asked.length,
        withOptions,
        firstAskMs: Math.round(firstAsk?.ms ?? 0),
        httpMs: percentiles(rest.map((a) => a.ms)),
        insideInsertMs: percentiles(inside),
        httpEach: round(rest.map((a) => a.ms)),
      },
      bookings: {
        made: booked.length,
        askedAgainAfterAnOptionWentStale: askedAgain,
        httpMs: percentiles(booked.map((b) => b.ms)),
      },
      revisionsChecked: checks,
    };
    const file = path.join(repoRoot, "benchmarks/results/county-booking.json");
    writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `${JSON.stringify({ ...result, options: { ...result.options, httpEach: undefined } }, null, 2)}\n`,
    );
  } finally {
    server.child.kill();
  }
}

await main();
