import type { JobClaim, UnitOfWork } from "@tt/app";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db";
import { createPostgresJobQueue } from "./postgres-job-queue";
import { createUnitOfWork } from "./repositories";
import { createTestPostgres } from "./test-databases";

const adminUrl = process.env.DATABASE_URL;

/** The queue's SQL on a real PostgreSQL server (skipped without DATABASE_URL). */
describe.runIf(adminUrl)("the PostgreSQL job queue", () => {
  let handle: DbHandle;
  let uow: UnitOfWork;
  let url: string;
  let county: string;
  let city: string;

  beforeAll(async () => {
    handle = await createTestPostgres(adminUrl ?? "");
    uow = createUnitOfWork(handle.db);
    const identity = uow.repositories.identity;
    county = (await identity.createOrganisation({ name: "County", kind: "council" })).id;
    city = (await identity.createOrganisation({ name: "City", kind: "council" })).id;
    url = handle.url ?? "";
  });
  afterAll(async () => handle?.close());

  const create = async (organisationId: string) =>
    (await uow.repositories.jobs.create(organisationId, null, "day-plan", { date: "2026-11-24" }))
      .id;

  /** Runs jobs with a queue of `capacity` loops until `count` have been claimed, holding each. */
  async function claimWith(count: number, capacity: number, waitMs = 10_000) {
    const queue = createPostgresJobQueue({ url, pollMs: 20, reapEveryMs: 60_000 });
    const claims: JobClaim[] = [];
    const releases: (() => void)[] = [];
    queue.work(async (claim) => {
      claims.push(claim);
      await new Promise<void>((resolve) => releases.push(resolve));
      await uow.repositories.jobs.finish(claim, { status: "succeeded", result: {} });
    }, capacity);
    const until = Date.now() + waitMs;
    while (claims.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return { queue, claims, releases };
  }

  it("runs one job of an organisation at a time, and organisations take turns", async () => {
    const first = await create(county);
    const second = await create(county);
    const theirs = await create(city);
    const { queue, claims, releases } = await claimWith(2, 3);
    try {
      // Three loops, but the county's second job waits for its first.
      expect(claims.map((c) => c.jobId).sort()).toEqual([first, theirs].sort());
      expect((await uow.repositories.jobs.get(second))?.status).toBe("queued");
      for (const release of releases.splice(0)) release();
      const until = Date.now() + 10_000;
      while (claims.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(claims[2]?.jobId).toBe(second);
    } finally {
      for (const release of releases.splice(0)) release();
      await queue.stop();
    }
    expect((await uow.repositories.jobs.get(second))?.status).toBe("succeeded");
  });

  it("never starts an organisation's second job while another worker is claiming its first", async () => {
    const first = await create(city);
    const second = await create(city);
    // Another worker is between reading the first job and marking it running: its row is locked.
    const racing = new pg.Client({ connectionString: url });
    await racing.connect();
    await racing.query("BEGIN");
    await racing.query("SELECT id FROM jobs WHERE id = $1 FOR UPDATE", [first]);
    const { queue, claims, releases } = await claimWith(1, 1, 1_000);
    try {
      expect(claims).toEqual([]);
      await racing.query("ROLLBACK");
      const until = Date.now() + 10_000;
      while (claims.length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(claims.map((c) => c.jobId)).toEqual([first]);
      expect((await uow.repositories.jobs.get(second))?.status).toBe("queued");
    } finally {
      await racing.end();
      for (const release of releases.splice(0)) release();
      await queue.stop();
    }
  });

  it("hands a dead worker's job to another attempt, and fails it after the last", async () => {
    const id = await create(county);
    const queue = createPostgresJobQueue({ url, maxAttempts: 2 });
    for (const attempt of [1, 2]) {
      // A worker that claims the job and dies: its connection closes with the lock held.
      const dying = new pg.Client({ connectionString: url });
      await dying.connect();
      const claimed = await dying.query<{ attempts: number }>(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1 WHERE id = $1 RETURNING attempts",
        [id],
      );
      await dying.query("SELECT pg_advisory_lock(hashtextextended('tt-job:' || $1::text, 0))", [
        id,
      ]);
      expect(claimed.rows[0]?.attempts).toBe(attempt);
      // While the worker lives, the reaper leaves its job alone.
      expect(await queue.reap()).toBe(0);
      await dying.end();
      expect(await queue.reap()).toBe(1);
      const job = await uow.repositories.jobs.get(id);
      expect(job?.status).toBe(attempt === 1 ? "queued" : "failed");
    }
    expect((await uow.repositories.jobs.get(id))?.error).toMatchObject({ code: "worker-lost" });
  });
});
