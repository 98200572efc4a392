/**
 * The booking desk under load, on PostgreSQL: `--agents` booking agents (default 50) at once for
 * `--seconds` (default 60) on the published demo county day of 2026-11-24. Each agent, in a loop,
 * asks for the options of a trip of a passenger of the register, books the first one with the
 * pick-up window it was told (so another vehicle in that window takes it if another agent took
 * the room meanwhile; asking again once if none does), and every third time cancels one of its own
 * bookings with a reason. Then it checks what was stored: the last revision with the engine's
 * `evaluate()` (no rule broken: no seat booked twice), every booked trip in exactly one run and
 * every cancelled one in none, and a sample of the revisions made on the way (`--sample all`:
 * every revision, each evaluated). Writes
 * `results/booking-load.json` with the statuses seen, the latencies and the machine.
 *
 *   createdb ttload; DATABASE_URL=postgres://…/ttload npx tt demo
 *   DATABASE_URL=postgres://…/ttload npx tsx benchmarks/src/booking-load.ts [--agents 50] [--seconds 60]
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
    agents: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    "time-limit": { type: "string", default: "20" },
    sample: { type: "string", default: "8" },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL: a PostgreSQL database holding the demo");
const DATE = "2026-11-24";
const DOMAIN = "cambridgeshire.demo";
const PASSWORD = "fenland-demo-2026";
const REASONS = ["passenger-unwell", "passenger-request", "weather"];

const call = apiCall;
const must = async (base: string, token: string, method: string, route: string, body?: unknown) =>
  (await apiMust(base, token, method, route, body)).json;

const itemsOf = (json: Json) => (json.items ?? []) as Json[];

/** Every plan of the day, newest first, a page of 100 at a time. */
async function everyPlanOfTheDay(base: string, token: string): Promise<Json[]> {
  const out: Json[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await must(
      base,
      token,
      "GET",
      `/api/plans?serviceDate=${DATE}&limit=100&offset=${offset}`,
    );
    out.push(...itemsOf(page));
    if (itemsOf(page).length < 100) return out;
  }
}

interface Tally {
  statuses: Record<string, number>;
  optionsMs: number[];
  bookMs: number[];
  cancelMs: number[];
  booked: Map<string, string>;
  cancelled: Set<string>;
  askedAgain: number;
  /** Booked on another vehicle in the window told, the chosen one's room having gone. */
  placedElsewhere: number;
  noPlace: number;
}

function count(tally: Tally, what: string, status: number) {
  const key = `${what} ${status}`;
  tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
}

/** One agent's loop until `until` (ms on the performance clock). */
async function agent(
  base: string,
  token: string,
  trips: readonly Json[],
  offset: number,
  until: number,
  tally: Tally,
) {
  const mine: string[] = [];
  for (let i = offset; performance.now() < until; i += 50) {
    const trip = trips[i % trips.length];
    if (!trip) break;
    let booked = false;
    for (let attempt = 0; attempt < 2 && !booked; attempt++) {
      const asked = await call(base, token, "POST", "/api/bookings/options", trip);
      count(tally, "options", asked.status);
      tally.optionsMs.push(asked.ms);
      const first = ((asked.json.options ?? []) as Json[])[0];
      const vehicleId = first?.vehicleId;
      if (!vehicleId) {
        tally.noPlace += 1;
        break;
      }
      // As the desk does: the pick-up window told with the option holds if its room has gone.
      const body = { booking: trip, vehicleId, toldWindow: first?.pickupWindow };
      const made = await call(base, token, "POST", "/api/bookings", body);
      count(tally, "book", made.status);
      tally.bookMs.push(made.ms);
      if (made.status === 201) {
        const id = String(made.json.tripRequestId);
        if (made.json.insteadOfVehicleId) tally.placedElsewhere += 1;
        tally.booked.set(id, String((made.json.option as Json).vehicleId));
        mine.push(id);
        booked = true;
      } else if (made.status === 409) tally.askedAgain += 1;
      else break;
    }
    if (mine.length > 0 && i % 3 === 0) {
      const id = mine.shift() ?? "";
      const reason = REASONS[i % REASONS.length];
      const done = await call(base, token, "POST", `/api/trip-requests/${id}/cancel`, {
        date: DATE,
        reason,
      });
      count(tally, "cancel", done.status);
      tally.cancelMs.push(done.ms);
      if (done.status === 200) tally.cancelled.add(id);
    }
  }
}

/** Trips of passengers spread over the register, to its places, through the day. */
async function tripsFor(base: string, token: string, count: number): Promise<Json[]> {
  const funders = itemsOf(await must(base, token, "GET", "/api/funders?limit=100"));
  const places = itemsOf(await must(base, token, "GET", "/api/places?limit=100"));
  const out: Json[] = [];
  for (let offset = 0; out.length < count; offset += 100) {
    const page = itemsOf(
      await must(base, token, "GET", `/api/passengers?limit=100&offset=${offset}`),
    );
    if (page.length === 0) break;
    for (const [k, passenger] of page.entries()) {
      const i = offset + k;
      const minutes = 540 + ((i * 37) % 420);
      out.push({
        date: DATE,
        passengerId: passenger.id,
        funderId: funders[0]?.id,
        purpose: "demand-responsive",
        origin: { kind: "home" },
        destination: { kind: "place", placeId: places[(i * 7) % places.length]?.id },
        timing: "depart-after",
        time: `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
        windowMinutes: 30,
      });
    }
  }
  return out.slice(0, count);
}

/** The plan's trips: which run (vehicle) carries each. */
function carriedBy(plan: Json): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const run of plan.runs as Json[]) {
    for (const stop of run.stops as Json[]) {
      if (stop.kind !== "pickup") continue;
      const id = String(stop.tripRequestId);
      out.set(id, [...(out.get(id) ?? []), String(run.vehicleId)]);
    }
  }
  return out;
}

async function check(base: string, token: string, planId: string, trip: string, vehicle: string) {
  const answer = await must(base, token, "POST", `/api/plans/${planId}/evaluate`, {
    move: { request: trip, toVehicle: vehicle },
  });
  return ((answer.before as Json).violations as unknown[]).length;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const server = serve({ DATABASE_URL: String(databaseUrl) });
  try {
    const base = await server.url;
    const commissioner = await apiToken(base, `commissioner@${DOMAIN}`, PASSWORD);
    const job = await planDay(base, commissioner, DATE, Number(values["time-limit"]));
    if (job.status !== "succeeded") throw new Error(`the day plan ${job.status}`);
    const list = await must(base, commissioner, "GET", `/api/plans?serviceDate=${DATE}&limit=1`);
    const first = itemsOf(list)[0] ?? {};
    await must(base, commissioner, "POST", `/api/plans/${first.id}/publish`);
    const agents = Number(values.agents);
    // One agent's token for every desk (signing in fifty times would meet the sign-in limit).
    const desk = await apiToken(base, `booking-agent@${DOMAIN}`, PASSWORD);
    const tokens = Array.from({ length: agents }, () => desk);
    const trips = await tripsFor(base, tokens[0] ?? "", 2000);
    // Warm: the first ask makes the county's matrices again from their points.
    await call(base, tokens[0] ?? "", "POST", "/api/bookings/options", trips[0]);
    const tally: Tally = {
      statuses: {},
      optionsMs: [],
      bookMs: [],
      cancelMs: [],
      booked: new Map(),
      cancelled: new Set(),
      askedAgain: 0,
      placedElsewhere: 0,
      noPlace: 0,
    };
    const started = performance.now();
    const until = started + Number(values.seconds) * 1000;
    await Promise.all(tokens.map((token, k) => agent(base, token, trips, k, until, tally)));
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    // What was stored: the day's published plan now, and the revisions on the way.
    const plans = itemsOf(
      await must(base, commissioner, "GET", `/api/plans?serviceDate=${DATE}&limit=100`),
    );
    const latest = plans.find((p) => p.status === "published");
    const plan = await must(base, commissioner, "GET", `/api/plans/${latest?.id}`);
    const carried = carriedBy(plan);
    const live = [...tally.booked].filter(([id]) => !tally.cancelled.has(id));
    const inOneRun = live.filter(([id]) => carried.get(id)?.length === 1).length;
    const cancelledCarried = [...tally.cancelled].filter((id) => carried.has(id)).length;
    const [anyTrip, anyVehicle] = live[0] ?? [];
    const violationsLatest =
      anyTrip && anyVehicle
        ? await check(base, commissioner, String(latest?.id), anyTrip, anyVehicle)
        : null;
    const every = values.sample === "all";
    const listed = every ? await everyPlanOfTheDay(base, commissioner) : plans;
    const revisions = listed.filter((p) => Number(p.revision) > 1);
    const step = every ? 1 : Math.max(1, Math.floor(revisions.length / Number(values.sample)));
    const sampled: Json[] = [];
    for (let k = 0; k < revisions.length; k += step) {
      const revision = revisions[k];
      const stored = await must(base, commissioner, "GET", `/api/plans/${revision?.id}`);
      const [trip, vehicle] = [...carriedBy(stored)].find(([, v]) => v.length === 1) ?? [];
      if (!trip || !vehicle?.[0]) continue;
      const violations = await check(base, commissioner, String(revision?.id), trip, vehicle[0]);
      sampled.push({ revision: revision?.revision, violations });
    }
    const result = {
      command: `DATABASE_URL=… npx tsx benchmarks/src/booking-load.ts --agents ${agents} --seconds ${values.seconds} --sample ${values.sample}`,
      date: DATE,
      database: "PostgreSQL (the machine's, on loopback)",
      machine: machineWithLoad(loadBefore),
      agents,
      seconds,
      statuses: tally.statuses,
      optionsMs: percentiles(tally.optionsMs),
      bookMs: percentiles(tally.bookMs),
      cancelMs: percentiles(tally.cancelMs),
      booked: tally.booked.size,
      cancelled: tally.cancelled.size,
      askedAgainAfterRoomTaken: tally.askedAgain,
      bookedOnAnotherVehicleInTheWindowTold: tally.placedElsewhere,
      noPlaceFound: tally.noPlace,
      stored: {
        latestRevision: plan.revision,
        revisions: revisions.length,
        bookedStillCarried: `${inOneRun} of ${live.length} in exactly one run`,
        cancelledStillCarried: cancelledCarried,
        violationsLatest,
        revisionsChecked: sampled.length,
        revisionsWithViolations: sampled.filter((r) => Number(r.violations) > 0).length,
        sampledRevisions: every ? sampled.filter((r) => Number(r.violations) > 0) : sampled,
      },
    };
    const file = path.join(repoRoot, "benchmarks/results/booking-load.json");
    writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server.child.kill();
  }
}

await main();
