import type { ExecuteJob, JobClaim, JobQueue } from "@tt/app";
import pg from "pg";

/**
 * The PostgreSQL job queue: the jobs table is the queue, and any number of worker processes,
 * on any machines, take jobs from it (docs/decisions/0007-job-queue.md).
 *
 * - **Claim**: a worker takes the oldest queued job of the organisation served longest ago that
 *   has no job running (`FOR UPDATE SKIP LOCKED`). Only an organisation's oldest queued job is a
 *   candidate, so workers racing never start its second job before its first; a partial unique
 *   index keeps one running job per organisation. The worker holds a session advisory lock on
 *   the job for the whole run, on a connection of its own.
 * - **Liveness**: when a worker dies its connection closes and PostgreSQL releases the lock at
 *   once. Every worker's reaper looks for running jobs whose lock is free: such a job is queued
 *   again for another worker (a new attempt), or failed after `maxAttempts`. A job is never
 *   run twice at once: a new claim needs the lock, and the old run's writes name its attempt.
 * - **Cancel**: a flag on the row, which the run looks at every 250 ms.
 */
export interface PostgresJobQueueOptions {
  readonly url: string;
  /** How often an idle worker looks for a job, milliseconds (default 500). */
  readonly pollMs?: number;
  /** How often the reaper looks for jobs whose worker died, milliseconds (default 1000). */
  readonly reapEveryMs?: number;
  /** Attempts before a job whose workers keep dying fails (default 3). */
  readonly maxAttempts?: number;
}

const LOCK = "hashtextextended('tt-job:' || $1::text, 0)";

const NEXT_JOB = `
  SELECT j.id FROM jobs j
  WHERE j.status = 'queued'
    AND NOT EXISTS (
      SELECT 1 FROM jobs r WHERE r.organisation_id = j.organisation_id AND r.status = 'running')
    AND NOT EXISTS (
      SELECT 1 FROM jobs e WHERE e.organisation_id = j.organisation_id AND e.status = 'queued'
        AND (e.created_at, e.id) < (j.created_at, j.id))
  ORDER BY (SELECT max(s.started_at) FROM jobs s WHERE s.organisation_id = j.organisation_id)
    ASC NULLS FIRST, j.created_at, j.id
  LIMIT 1
  FOR UPDATE OF j SKIP LOCKED`;

const START_RUN = `
  UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = now(),
    updated_at = now()
  WHERE id = $1 AND status = 'queued'
  RETURNING attempts`;

const LOST_RUN = `
  UPDATE jobs SET
    status = CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled'
                  WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END,
    error = CASE WHEN cancel_requested_at IS NULL AND attempts >= $3 THEN jsonb_build_object(
      'code', 'worker-lost',
      'message', 'The worker running this job stopped ' || attempts || ' times; it was not tried again.')
      ELSE error END,
    progress = CASE WHEN cancel_requested_at IS NULL AND attempts < $3 THEN 0 ELSE progress END,
    finished_at = CASE WHEN cancel_requested_at IS NULL AND attempts < $3 THEN NULL ELSE now() END,
    updated_at = now()
  WHERE id = $1 AND status = 'running' AND attempts = $2`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPostgresJobQueue(options: PostgresJobQueueOptions): JobQueue & {
  /** Hands the jobs of dead workers on; returns how many. */
  reap(): Promise<number>;
} {
  const pollMs = options.pollMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 3;
  const loops: Promise<void>[] = [];
  let stopping = false;
  let reaper: NodeJS.Timeout | undefined;

  const connect = async () => {
    const client = new pg.Client({ connectionString: options.url });
    const lost = new AbortController();
    client.on("error", () => lost.abort());
    client.on("end", () => lost.abort());
    await client.connect();
    return { client, lost: lost.signal };
  };

  const loop = async (execute: ExecuteJob) => {
    while (!stopping) {
      const session = await connect().catch(() => undefined);
      if (!session) {
        await sleep(pollMs);
        continue;
      }
      try {
        await workOn(session.client, session.lost, execute);
      } catch {
        await sleep(pollMs);
      } finally {
        await session.client.end().catch(() => {});
      }
    }
  };

  const workOn = async (client: pg.Client, lost: AbortSignal, execute: ExecuteJob) => {
    while (!stopping && !lost.aborted) {
      const claim = await claimNext(client);
      if (!claim) {
        await sleep(pollMs);
        continue;
      }
      try {
        await execute(claim, lost);
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK})`, [claim.jobId]);
      }
    }
  };

  const reapWith = async (client: pg.Client): Promise<number> => {
    const running = await client.query<{ id: string; attempts: number }>(
      "SELECT id, attempts FROM jobs WHERE status = 'running'",
    );
    let handed = 0;
    for (const job of running.rows) {
      const free = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(${LOCK}) AS locked`,
        [job.id],
      );
      if (!free.rows[0]?.locked) continue;
      try {
        const moved = await client.query(LOST_RUN, [job.id, job.attempts, maxAttempts]);
        handed += moved.rowCount ?? 0;
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK})`, [job.id]);
      }
    }
    return handed;
  };

  const reap = async (): Promise<number> => {
    const session = await connect();
    try {
      return await reapWith(session.client);
    } finally {
      await session.client.end().catch(() => {});
    }
  };

  return {
    async enqueue() {
      // The job's row is the queue entry: an idle worker finds it within `pollMs`.
    },
    work(execute, capacity) {
      for (let i = 0; i < Math.max(1, capacity); i++) loops.push(loop(execute));
      reaper = setInterval(() => void reap().catch(() => 0), options.reapEveryMs ?? 1000);
    },
    async stop() {
      stopping = true;
      if (reaper) clearInterval(reaper);
      await Promise.allSettled(loops);
    },
    reap,
  };
}

/**
 * In one transaction: the next job in fair order, its advisory lock (held by this session after
 * the commit), and the row marked running with one more attempt. Undefined when there is none,
 * or when another worker won the race for that organisation.
 */
async function claimNext(client: pg.Client): Promise<JobClaim | undefined> {
  await client.query("BEGIN");
  let locked: string | undefined;
  try {
    const next = await client.query<{ id: string }>(NEXT_JOB);
    const id = next.rows[0]?.id;
    if (!id) return await rollback(client);
    const lock = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${LOCK}) AS locked`,
      [id],
    );
    if (!lock.rows[0]?.locked) return await rollback(client);
    locked = id;
    const started = await client.query<{ attempts: number }>(START_RUN, [id]);
    const attempt = started.rows[0]?.attempts;
    await client.query("COMMIT");
    if (attempt === undefined) throw new Error("the job was taken by another worker");
    return { jobId: id, attempt };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (locked) await client.query(`SELECT pg_advisory_unlock(${LOCK})`, [locked]);
    if (isUniqueViolation(error) || !(error instanceof Error)) return undefined;
    if (error.message === "the job was taken by another worker") return undefined;
    throw error;
  }
}

async function rollback(client: pg.Client): Promise<undefined> {
  await client.query("ROLLBACK");
  return undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}
