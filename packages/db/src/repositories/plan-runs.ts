import { randomUUID } from "node:crypto";
import {
  AppError,
  type NewPlanRun,
  type PlanRun,
  readStoredPlanPart,
  storedPlanStopsSchema,
} from "@tt/app";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
import { planRuns, runs } from "../schema";

type RunRow = Pick<
  typeof runs.$inferSelect,
  "id" | "vehicleId" | "layout" | "stops" | "distanceMetres" | "durationSeconds" | "costPence"
>;

/**
 * Every run this store answered, read or stored: the only objects a revision may keep by id. A
 * copy of a run (its stops changed, say, but its id left on) is refused rather than linked as the
 * stored run it no longer is.
 */
const answered = new WeakSet<PlanRun>();

/** A stored run as the plan `planId` answers it (its stops checked, as every read checks them). */
function toRun(row: RunRow, planId: string): PlanRun {
  const run: PlanRun = {
    id: row.id,
    vehicleId: row.vehicleId ?? "",
    layout: row.layout,
    stops: readStoredPlanPart(storedPlanStopsSchema, row.stops, { planId, part: "stops" }),
    distanceMetres: row.distanceMetres,
    durationSeconds: row.durationSeconds,
    costPence: row.costPence,
  };
  answered.add(run);
  return run;
}

/** The plan's runs, through `plan_runs`: a run may belong to several revisions. */
export async function findRuns(db: Db, organisationId: string, planId: string): Promise<PlanRun[]> {
  const rows = await db
    .select(getTableColumns(runs))
    .from(planRuns)
    .innerJoin(runs, eq(runs.id, planRuns.runId))
    .where(and(eq(planRuns.organisationId, organisationId), eq(planRuns.planId, planId)));
  return rows.map((row) => toRun(row, planId));
}

/** Stores the runs as plan `planId`'s own, each linked to it; answers them as stored. */
export async function insertRuns(
  db: Db,
  organisationId: string,
  planId: string,
  newRuns: readonly NewPlanRun[],
): Promise<PlanRun[]> {
  const stored: PlanRun[] = [];
  // In chunks: one statement per run would be slow, one for thousands too large.
  for (let i = 0; i < newRuns.length; i += 200) {
    const rows = newRuns.slice(i, i + 200).map((r) => ({
      id: randomUUID(),
      organisationId,
      planId,
      vehicleId: r.vehicleId,
      layout: r.layout,
      stops: r.stops.map((s) => ({ ...s, load: [...s.load] })),
      distanceMetres: Math.round(r.distanceMetres),
      durationSeconds: Math.round(r.durationSeconds),
      costPence: Math.round(r.costPence),
    }));
    await db.insert(runs).values(rows);
    await db.insert(planRuns).values(rows.map((r) => ({ planId, runId: r.id, organisationId })));
    stored.push(...rows.map((row) => toRun(row, planId)));
  }
  return stored;
}

/**
 * A revision's runs: the new or changed ones stored, the kept ones linked from the plan it
 * revises with one statement. A kept run must be a run of that plan as this store answered it;
 * otherwise the revision is refused (and, inside its transaction, nothing of it stays).
 */
export async function storeRevisionRuns(
  db: Db,
  organisationId: string,
  planId: string,
  revisedFrom: string,
  given: readonly (NewPlanRun | PlanRun)[],
): Promise<PlanRun[]> {
  const kept = given.filter((run): run is PlanRun => "id" in run);
  const fresh = given.filter((run) => !("id" in run));
  const ids = new Set<string>();
  for (const run of kept) {
    if (!answered.has(run) || ids.has(run.id)) throw notKept(given, run, revisedFrom);
    ids.add(run.id);
  }
  if (kept.length > 0) {
    const linked = await queryRows<{ run_id: string }>(
      db,
      sql`insert into plan_runs (plan_id, run_id, organisation_id)
          select ${planId}, run_id, organisation_id from plan_runs
          where plan_id = ${revisedFrom} and organisation_id = ${organisationId}
            and run_id = any(${sql.param([...ids])}::uuid[])
          returning run_id`,
    );
    if (linked.length !== kept.length) {
      const found = new Set(linked.map((row) => row.run_id));
      throw notKept(
        given,
        kept.find((run) => !found.has(run.id)),
        revisedFrom,
      );
    }
  }
  return [...kept, ...(await insertRuns(db, organisationId, planId, fresh))];
}

function notKept(
  given: readonly (NewPlanRun | PlanRun)[],
  run: PlanRun | undefined,
  revisedFrom: string,
): AppError {
  const at = run ? given.indexOf(run) : -1;
  return new AppError(
    "validation-failed",
    `A revision keeps only runs of the plan it revises, as stored: run ${run?.id} is not a run of plan ${revisedFrom} as stored (a changed run is stored anew, without its id).`,
    [{ path: `runs.${at}`, message: "not a run of the plan revised, as stored" }],
  );
}
