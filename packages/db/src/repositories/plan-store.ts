import type {
  NewPlan,
  PlanHeader,
  PlanRun,
  PlanRunStop,
  PlanStore,
  PlanUnassigned,
  StoredPlan,
} from "@tt/app";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../create-db";
import { plans, runs } from "../schema";
import { isUuid } from "./record-repository";

type PlanRow = typeof plans.$inferSelect;
type RunRow = typeof runs.$inferSelect;

/** The columns of a plan without its (large) Problem. */
const HEADER_COLUMNS = {
  id: plans.id,
  organisationId: plans.organisationId,
  name: plans.name,
  serviceDate: plans.serviceDate,
  status: plans.status,
  summary: plans.summary,
  unassigned: plans.unassigned,
  createdAt: plans.createdAt,
};

type HeaderRow = Pick<PlanRow, keyof typeof HEADER_COLUMNS>;

function toHeader(row: HeaderRow): PlanHeader {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    serviceDate: row.serviceDate,
    status: row.status,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
  };
}

function toRun(row: RunRow): PlanRun {
  return {
    id: row.id,
    vehicleId: row.vehicleId ?? "",
    layout: row.layout,
    stops: row.stops as unknown as PlanRunStop[],
    distanceMetres: row.distanceMetres,
    durationSeconds: row.durationSeconds,
    costPence: row.costPence,
  };
}

const firstStart = (run: PlanRun): number => run.stops[0]?.start ?? Number.POSITIVE_INFINITY;

function toPlan(row: HeaderRow, runRows: readonly RunRow[]): StoredPlan {
  const planRuns = runRows
    .map(toRun)
    .sort((a, b) => firstStart(a) - firstStart(b) || a.vehicleId.localeCompare(b.vehicleId));
  return {
    ...toHeader(row),
    unassigned: row.unassigned as unknown as PlanUnassigned[],
    runs: planRuns,
  };
}

async function insertPlan(db: Db, organisationId: string, plan: NewPlan): Promise<StoredPlan> {
  const [row] = await db
    .insert(plans)
    .values({
      organisationId,
      name: plan.name,
      serviceDate: plan.serviceDate,
      status: plan.status,
      summary: plan.summary,
      unassigned: plan.unassigned.map((u) => ({ ...u })),
      problem: plan.problem,
    })
    .returning(HEADER_COLUMNS);
  const header = row!;
  const runRows: RunRow[] = [];
  // Insert in chunks: one statement per run would be slow, one for thousands too large.
  for (let i = 0; i < plan.runs.length; i += 200) {
    const chunk = plan.runs.slice(i, i + 200).map((r) => ({
      organisationId,
      planId: header.id,
      vehicleId: r.vehicleId,
      layout: r.layout,
      stops: r.stops.map((s) => ({ ...s, load: [...s.load] })),
      distanceMetres: Math.round(r.distanceMetres),
      durationSeconds: Math.round(r.durationSeconds),
      costPence: Math.round(r.costPence),
    }));
    runRows.push(...(await db.insert(runs).values(chunk).returning()));
  }
  return toPlan(header, runRows);
}

/** Drizzle adapter of `PlanStore` over the `plans` and `runs` tables. */
export function createPlanStore(db: Db, inTransaction: boolean): PlanStore {
  return {
    save: (organisationId, plan) =>
      inTransaction
        ? insertPlan(db, organisationId, plan)
        : db.transaction((tx) => insertPlan(tx as unknown as Db, organisationId, plan)),
    async find(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select(HEADER_COLUMNS)
        .from(plans)
        .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
      if (!row) return undefined;
      const runRows = await db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.planId, id)));
      return toPlan(row, runRows);
    },
    async list(organisationId, query) {
      const conditions: SQL[] = [eq(plans.organisationId, organisationId)];
      if (query.serviceDate) conditions.push(eq(plans.serviceDate, query.serviceDate));
      const where = and(...conditions);
      const rows = await db
        .select(HEADER_COLUMNS)
        .from(plans)
        .where(where)
        .orderBy(desc(plans.createdAt), desc(plans.id))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(plans).where(where);
      return { items: rows.map(toHeader), total: Number(total?.n ?? 0) };
    },
    async findProblem(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select({ problem: plans.problem })
        .from(plans)
        .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
      return row?.problem ?? undefined;
    },
  };
}
