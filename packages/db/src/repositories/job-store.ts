import { INTERRUPTED_JOB_ERROR, type Job, type JobStatus, type JobStore } from "@tt/app";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../create-db";
import { jobs } from "../schema";
import { isUuid } from "./record-repository";

function toJob(row: typeof jobs.$inferSelect): Job {
  return {
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    input: row.input ?? {},
    status: row.status as JobStatus,
    progress: row.progress,
    result: row.result ?? null,
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createJobStore(db: Db): JobStore {
  return {
    async create(organisationId, createdBy, kind, input) {
      const [row] = await db
        .insert(jobs)
        .values({ organisationId, createdBy, kind, input, status: "queued" })
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
    async update(id, patch) {
      const finished = patch.status === "succeeded" || patch.status === "failed";
      await db
        .update(jobs)
        .set({ ...patch, updatedAt: new Date(), ...(finished ? { finishedAt: new Date() } : {}) })
        .where(eq(jobs.id, id));
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
