/**
 * Jobs across processes on PostgreSQL: one `tt serve --no-worker` and two `tt worker` processes on
 * one database. Twelve short day plans from four organisations each run exactly once and succeed,
 * though one worker is killed (SIGKILL) in the middle of a solve: the other finishes its job. A
 * running job cancelled through the API ends as cancelled within a second. Needs DATABASE_URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { AuthService, systemClock, type UnitOfWork } from "@tt/app";
import { CSRF_HEADER } from "@tt/contract";
import { createTestPostgres, createUnitOfWork, type DbHandle } from "@tt/db";
import { aPassenger, aPlace, aTripRequest, aVehicle } from "@tt/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printedUrl, ROOT } from "./support/demo-server";

const adminUrl = process.env.DATABASE_URL;
const TT = join(ROOT, "apps/cli/bin/tt.js");
const DAY = "2026-11-24";
type Json = Record<string, unknown>;

async function seedOrganisation(uow: UnitOfWork, name: string): Promise<string> {
  const repos = uow.repositories;
  const organisation = await repos.identity.createOrganisation({ name, kind: "council" });
  const id = organisation.id;
  const funder = await repos.funders.create(id, { name: "SEND", kind: "send" });
  const place = await repos.places.create(id, aPlace());
  const passengers = await repos.passengers.createMany(
    id,
    [0, 1, 2, 3].map((i) => aPassenger({ reference: `P-${i}`, homeLat: 52.19 + i * 0.01 })),
  );
  await repos.vehicles.create(id, aVehicle());
  await repos.tripRequests.createMany(
    id,
    passengers.map((p, i) =>
      aTripRequest(
        { passengerId: p.id, funderId: funder.id, placeId: place.id },
        { reference: `T-${i}`, recurrence: { kind: "one-off", date: DAY } },
      ),
    ),
  );
  const user = await repos.identity.createUser({
    organisationId: id,
    email: `admin@${name.toLowerCase()}.example`,
    displayName: "Admin",
    role: "admin",
    passwordHash: "x",
  });
  const { token } = await new AuthService(uow, systemClock).issueApiToken(user.id, "tests");
  return token;
}

function tt(args: string[], url: string): ChildProcess {
  const env = { ...process.env, DATABASE_URL: url, PORT: "0", TT_LOG_LEVEL: "warn" };
  return spawn(process.execPath, [TT, ...args], { cwd: ROOT, env, stdio: "pipe" });
}

/** Resolves when the child has printed `pattern`. */
function printed(child: ChildProcess, pattern: RegExp): Promise<void> {
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code, signal) => reject(new Error(`ended (${code ?? signal}):\n${output}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(adminUrl)("jobs across processes on PostgreSQL", () => {
  let handle: DbHandle;
  let base: string;
  const tokens: string[] = [];
  const children: ChildProcess[] = [];
  let workers: ChildProcess[] = [];

  const call = async (method: string, path: string, token: string, json?: Json) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      [CSRF_HEADER]: "tests",
    };
    if (json) headers["content-type"] = "application/json";
    const answer = await fetch(new URL(path, base), {
      method,
      headers,
      ...(json ? { body: JSON.stringify(json) } : {}),
    });
    return { status: answer.status, body: (await answer.json()) as Json };
  };
  const jobOf = async (token: string, id: string) =>
    (await call("GET", `/api/jobs/${id}`, token)).body;

  beforeAll(async () => {
    handle = await createTestPostgres(adminUrl ?? "");
    const uow = createUnitOfWork(handle.db);
    for (const name of ["Anglia", "Brecks", "Cam", "Denver"])
      tokens.push(await seedOrganisation(uow, name));
    const url = handle.url ?? "";
    const api = tt(["serve", "--no-worker"], url);
    workers = [tt(["worker", "--capacity", "1"], url), tt(["worker", "--capacity", "1"], url)];
    children.push(api, ...workers);
    const ready = workers.map((worker) => printed(worker, /is taking jobs/));
    base = await printedUrl(api).url;
    await Promise.all(ready);
  }, 180_000);

  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await handle?.close();
  });

  it("runs twelve day plans exactly once, finishing a killed worker's job on the other", async () => {
    const started: { token: string; id: string }[] = [];
    for (let round = 0; round < 3; round++) {
      for (const token of tokens) {
        const answer = await call("POST", "/api/plans", token, { date: DAY, timeLimitSeconds: 2 });
        expect(answer.status).toBe(202);
        started.push({ token, id: String(answer.body.jobId) });
      }
    }
    // Both workers are in the middle of a solve: kill the first.
    const until = Date.now() + 60_000;
    for (;;) {
      const jobs = await Promise.all(started.map((j) => jobOf(j.token, j.id)));
      const solving = jobs.filter((j) => j.status === "running" && Number(j.progress) >= 1);
      if (solving.length === 2) break;
      if (Date.now() > until) throw new Error("two jobs never ran at once");
      await sleep(50);
    }
    workers[0]?.kill("SIGKILL");
    const finished = new Set(["succeeded", "failed", "cancelled"]);
    const ended = Date.now() + 150_000;
    let jobs: Json[] = [];
    do {
      await sleep(250);
      jobs = await Promise.all(started.map((j) => jobOf(j.token, j.id)));
    } while (!jobs.every((j) => finished.has(String(j.status))) && Date.now() < ended);
    expect(jobs.map((j) => j.status)).toEqual(Array(12).fill("succeeded"));
    // The killed worker's job took a second attempt on the other worker; no other job did.
    expect(jobs.map((j) => j.attempts).sort()).toEqual([...Array(11).fill(1), 2]);
    // Exactly once: twelve plans, one per job, none stored by the killed attempt.
    const planIds = jobs.map((j) => (j.result as Json | null)?.planId);
    expect(new Set(planIds).size).toBe(12);
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    const plans = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM plans");
    await client.end();
    expect(plans.rows[0]?.n).toBe(12);
  }, 240_000);

  it("cancels a running job within a second, wherever it runs", async () => {
    const token = tokens[0] ?? "";
    const answer = await call("POST", "/api/plans", token, { date: DAY, timeLimitSeconds: 60 });
    const id = String(answer.body.jobId);
    const until = Date.now() + 60_000;
    while (!(await jobOf(token, id)).progress && Date.now() < until) await sleep(50);
    expect((await jobOf(token, id)).status).toBe("running");
    const asked = Date.now();
    const cancel = await call("POST", `/api/jobs/${id}/cancel`, token);
    expect(cancel.status).toBe(200);
    let job = cancel.body;
    while (job.status === "running" && Date.now() - asked < 5_000) {
      await sleep(20);
      job = await jobOf(token, id);
    }
    const took = Date.now() - asked;
    expect(job.status).toBe("cancelled");
    expect(took).toBeLessThan(1_000);
  }, 120_000);
});
