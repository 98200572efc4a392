/**
 * How much faster do day plans go with two worker processes than with one? On a fresh PostgreSQL
 * database, one `tt serve --no-worker` takes the jobs and `tt worker --capacity 1` processes run
 * them: first one worker, then two. Each round submits `--jobs` (default 12) day plans from
 * `--organisations` (default 4) organisations, each with a fixed iteration budget and seed, so
 * every job does the same work whichever worker runs it. Writes `results/job-throughput.json` and
 * `.csv` with the machine and its load.
 *
 *   npx tsx benchmarks/src/job-throughput.ts [--jobs N] [--organisations N] [--trips N]
 *     [--iterations N] [--workers 1,2]
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { writeFileAtomic } from "./files";
import { apiToken, seedOrganisation } from "./freeze/seed";
import { repoRoot } from "./instances";
import { describeMachine } from "./machine";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "12" },
    organisations: { type: "string", default: "4" },
    trips: { type: "string", default: "60" },
    iterations: { type: "string", default: "3000" },
    workers: { type: "string", default: "1,2" },
    label: { type: "string" },
  },
});

function whole(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag}: "${text}" is not a whole number`);
  return n;
}

const SIZE = {
  jobs: whole("jobs", values.jobs),
  organisations: whole("organisations", values.organisations),
  trips: whole("trips", values.trips),
  iterations: whole("iterations", values.iterations),
};
const WORKER_COUNTS = (values.workers ?? "").split(",").map((w) => whole("workers", w));
const DATE = "2026-11-24";
const PASSWORD = "correct horse battery staple";
const TT = path.join(repoRoot, "apps/cli/bin/tt.js");

interface Database {
  readonly url: string;
  drop(): Promise<void>;
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<Database> {
  const admin = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `tt_throughput_${randomBytes(4).toString("hex")}`;
  await runAdmin(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function ttEnv(url: string): NodeJS.ProcessEnv {
  const { TT_DATA_DIR: _t, ...inherited } = process.env;
  return {
    ...inherited,
    DATABASE_URL: url,
    PORT: "0",
    TT_LOG_LEVEL: "warn",
    TT_PASSWORD: PASSWORD,
  };
}

function ttSync(url: string, ...args: string[]): void {
  const run = spawnSync(process.execPath, [TT, ...args], { env: ttEnv(url), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`tt ${args.join(" ")}: ${run.stdout}${run.stderr}`);
}

/** A `tt` child process and a promise of the first match of `pattern` in what it prints. */
function ttChild(url: string, args: string[], pattern: RegExp) {
  const child: ChildProcess = spawn(process.execPath, [TT, ...args], {
    env: ttEnv(url),
    stdio: "pipe",
  });
  let output = "";
  const printed = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match[1] ?? match[0]);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code, signal) =>
      reject(new Error(`tt ${args[0]} ended (${code ?? signal}):\n${output}`)),
    );
  });
  printed.catch(() => undefined);
  return { child, printed };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const emailOf = (i: number) => `planner@org${i}.example`;

async function seedAll(base: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < SIZE.organisations; i++) {
    const token = await apiToken(base, emailOf(i), PASSWORD);
    await seedOrganisation(base, token, {
      prefix: `ORG${i}`,
      passengers: SIZE.trips,
      trips: SIZE.trips,
      vehicles: Math.max(4, Math.ceil(SIZE.trips / 8)),
      date: DATE,
    });
    tokens.push(token);
  }
  return tokens;
}

async function call(base: string, token: string, method: string, route: string, body?: object) {
  const answer = await fetch(new URL(route, base), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!answer.ok) throw new Error(`${method} ${route}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as Record<string, unknown>;
}

interface Round {
  readonly workers: number;
  readonly jobs: number;
  readonly seconds: number;
  readonly jobsPerMinute: number;
  readonly succeeded: number;
  readonly attempts: number;
  /** Mean of each job's own run (started to finished), seconds. */
  readonly meanRunSeconds: number;
  /** Sum of the jobs' runs over the round's wall time: how many ran at once, on average. */
  readonly meanConcurrency: number;
}

/** Each job's own run, from the jobs table (the view has no start time), seconds. */
async function runSeconds(url: string, ids: readonly string[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ seconds: number }>(
      "SELECT extract(epoch FROM finished_at - started_at)::float8 AS seconds FROM jobs WHERE id = any($1)",
      [ids],
    );
    return rows.rows.map((r) => r.seconds);
  } finally {
    await client.end();
  }
}

/** Polls once a second (lightly: the API shares the machine) until every job has ended. */
async function allEnded(base: string, jobs: readonly { token: string; id: string }[]) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await Promise.all(jobs.map((j) => call(base, j.token, "GET", `/api/jobs/${j.id}`)));
    if (now.every((j) => !["queued", "running"].includes(String(j.status)))) return now;
  }
}

/** Submits every job at once and waits until all have ended. */
async function round(base: string, url: string, tokens: string[], workers: number): Promise<Round> {
  const children = Array.from({ length: workers }, () =>
    ttChild(url, ["worker", "--capacity", "1"], /is taking jobs/),
  );
  try {
    await Promise.all(children.map((c) => c.printed));
    const started = Date.now();
    const jobs: { token: string; id: string }[] = [];
    for (let i = 0; i < SIZE.jobs; i++) {
      const token = tokens[i % tokens.length] ?? "";
      const body = { date: DATE, timeLimitSeconds: 600, iterations: SIZE.iterations, seed: 1 };
      const accepted = await call(base, token, "POST", "/api/plans", body);
      jobs.push({ token, id: String(accepted.jobId) });
    }
    const ended = await allEnded(base, jobs);
    // The last job's own end (the server's clock, this machine's), not when the poll saw it.
    const lastEnd = Math.max(...ended.map((j) => Date.parse(String(j.finishedAt))));
    const seconds = (lastEnd - started) / 1000;
    const runs = await runSeconds(
      url,
      jobs.map((j) => j.id),
    );
    const busy = runs.reduce((sum, r) => sum + r, 0);
    return {
      workers,
      jobs: SIZE.jobs,
      seconds: Math.round(seconds * 10) / 10,
      jobsPerMinute: Math.round((SIZE.jobs / seconds) * 60 * 10) / 10,
      succeeded: ended.filter((j) => j.status === "succeeded").length,
      attempts: ended.reduce((sum, j) => sum + Number(j.attempts), 0),
      meanRunSeconds: Math.round((busy / runs.length) * 100) / 100,
      meanConcurrency: Math.round((busy / seconds) * 100) / 100,
    };
  } finally {
    await Promise.all(children.map((c) => stop(c.child)));
  }
}

async function main() {
  const database = await freshDatabase();
  const loadBefore = os.loadavg();
  let api: ReturnType<typeof ttChild> | undefined;
  try {
    for (let i = 0; i < SIZE.organisations; i++) {
      ttSync(database.url, "organisation", "add", `Org ${i}`, "--kind", "council");
      ttSync(
        database.url,
        "user",
        "add",
        emailOf(i),
        "--organisation",
        `Org ${i}`,
        "--role",
        "admin",
        "--name",
        `Planner ${i}`,
      );
    }
    api = ttChild(database.url, ["serve", "--no-worker"], /Open (http:\/\/\S+)/);
    const base = await api.printed;
    const tokens = await seedAll(base);
    const rounds: Round[] = [];
    for (const workers of WORKER_COUNTS) {
      console.log(`${SIZE.jobs} day plans on ${workers} worker process(es)…`);
      const result = await round(base, database.url, tokens, workers);
      console.log(JSON.stringify(result));
      rounds.push(result);
    }
    write({ rounds, loadBefore });
  } finally {
    if (api) await stop(api.child);
    await database.drop();
  }
}

function write({ rounds, loadBefore }: { rounds: Round[]; loadBefore: number[] }) {
  const load = (l: number[]) => l.map((x) => Math.round(x * 100) / 100);
  const report = {
    benchmark: "job-throughput",
    database: "postgres",
    command: `npx tsx benchmarks/src/job-throughput.ts ${process.argv.slice(2).join(" ")}`.trim(),
    when: new Date().toISOString(),
    machine: {
      ...describeMachine(),
      nproc: os.availableParallelism(),
      loadAverageBefore: load(loadBefore),
      loadAverageAfter: load(os.loadavg()),
    },
    size: { ...SIZE, date: DATE, workerCapacity: 1 },
    rounds,
  };
  const name = `job-throughput${values.label ? `-${values.label}` : ""}`;
  const dir = path.join(repoRoot, "benchmarks/results");
  writeFileAtomic(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const lines = [
    "workers,jobs,seconds,jobs_per_minute,succeeded,attempts,mean_run_seconds,mean_concurrency",
  ];
  for (const r of rounds) {
    const { workers, jobs, seconds, jobsPerMinute, succeeded, attempts } = r;
    const row = [workers, jobs, seconds, jobsPerMinute, succeeded, attempts];
    lines.push([...row, r.meanRunSeconds, r.meanConcurrency].join(","));
  }
  writeFileAtomic(path.join(dir, `${name}.csv`), `${lines.join("\n")}\n`);
}

await main();
