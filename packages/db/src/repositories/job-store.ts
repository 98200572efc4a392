import {
  INTERRUPTED_JOB_ERROR,
  JOB_STATUSES,
  type Job,
  type JobData,
  type JobFailure,
  type JobStatus,
  type JobStore,
} from "@tt/app";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { jobs } from "../schema";
import { isUuid } from "./record-repository";

type JobRow = typeof jobs.$inferSelect;

function statusOf(value: string): JobStatus {
  const status = JOB_STATUSES.find((known) => known === value);
  if (!status) throw new Error(`job status "${value}" is not one of ${JOB_STATUSES.join(", ")}`);
  return status;
}

function failureOf(error: Record<string, unknown> | null): JobFailure | null {
  if (!error) return null;
  const code = typeof error.code === "string" ? error.code : "internal";
  const message = typeof error.message === "string" ? error.message : "The job failed.";
  return { code, message, ...(error.details === undefined ? {} : { details: error.details }) };
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    organisationId: row.organisationId,
    createdBy: row.createdBy,
    kind: row.kind,
    input: row.input ?? {},
    status: statusOf(row.status),
    progress: row.progress,
    result: row.result ?? null,
    error: failureOf(row.error),
    attempts: row.attempts,
    cancelRequested: row.cancelRequestedAt !== null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

const owned = (claim: { jobId: string; attempt: number }) =>
  and(eq(jobs.id, claim.jobId), eq(jobs.attempts, claim.attempt), eq(jobs.status, "running"));

function endValues(end: Parameters<JobStore["finish"]>[1]) {
  const now = new Date();
  const base = { status: end.status, updatedAt: now, finishedAt: now };
  if (end.status === "succeeded") return { ...base, progress: 100, result: { ...end.result } };
  if (end.status === "failed") return { ...base, error: { ...end.error } };
  return base;
}

export function createJobStore(db: Db): JobStore {
  return {
    async create(organisationId, createdBy, kind, input: JobData) {
      const [row] = await db
        .insert(jobs)
        .values({ organisationId, createdBy, kind, input: { ...input }, status: "queued" })
        .returning();
      return toJob(row!);
    },
    async find(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.organisationId, organisationId), eq(jobs.id, id)));
      return row ? toJob(row) : undefined;
    },
    async listSucceeded(organisationId, kind, limit) {
      const rows = await db
        .select()
        .from(jobs)
        .where(
          and(
            eq(jobs.organisationId, organisationId),
            eq(jobs.kind, kind),
            eq(jobs.status, "succeeded"),
          ),
        )
        .orderBy(desc(jobs.finishedAt))
        .limit(limit);
      return rows.map(toJob);
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toJob(row) : undefined;
    },
    async claim(id) {
      const now = new Date();
      const [row] = await db
        .update(jobs)
        .set({
          status: "running",
          attempts: sql`${jobs.attempts} + 1`,
          startedAt: now,
          updatedAt: now,
        })
        .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
        .returning({ attempts: jobs.attempts });
      return row ? { jobId: id, attempt: row.attempts } : undefined;
    },
    async progress(claim, progress) {
      await db.update(jobs).set({ progress, updatedAt: new Date() }).where(owned(claim));
    },
    async finish(claim, end) {
      const rows = await db
        .update(jobs)
        .set(endValues(end))
        .where(owned(claim))
        .returning({ id: jobs.id });
      return rows.length === 1;
    },
    async requestCancel(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const now = new Date();
      const scoped = and(eq(jobs.organisationId, organisationId), eq(jobs.id, id));
      await db
        .update(jobs)
        .set({ status: "cancelled", cancelRequestedAt: now, updatedAt: now, finishedAt: now })
        .where(and(scoped, eq(jobs.status, "queued")));
      await db
        .update(jobs)
        .set({ cancelRequestedAt: now, updatedAt: now })
        .where(and(scoped, eq(jobs.status, "running")));
      return this.find(organisationId, id);
    },
    async failInterrupted() {
      const now = new Date();
      const rows = await db
        .update(jobs)
        .set({
          status: "failed",
          error: { ...INTERRUPTED_JOB_ERROR },
          updatedAt: now,
          finishedAt: now,
        })
        .where(inArray(jobs.status, ["queued", "running"]))
        .returning({ id: jobs.id });
      return rows.length;
    },
  };
}
