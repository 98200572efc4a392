import {
  AppError,
  type KeptProblem,
  type NewPlan,
  type NewPlanRevision,
  type NewPlanRun,
  type PlanHeader,
  type PlanRun,
  type PlanStore,
  type ProblemAdditions,
  readStoredPlanPart,
  type StoredPlan,
  storedKeptProblemSchema,
  storedPlanSummarySchema,
  storedPlanUnassignedSchema,
  storedProblemAdditionsSchema,
} from "@tt/app";
import { and, count, desc, eq, gte, type SQL } from "drizzle-orm";
import type { Db } from "../create-db";
import { plans, type StoredProblemColumn } from "../schema";
import { createPlanPublication } from "./plan-publication";
import { findRuns, insertRuns, storeRevisionRuns } from "./plan-runs";
import { isUuid } from "./record-repository";

type PlanRow = typeof plans.$inferSelect;

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
  revision: plans.revision,
  revisedFrom: plans.revisedFrom,
};

type HeaderRow = Pick<PlanRow, keyof typeof HEADER_COLUMNS>;

function toHeader(row: HeaderRow): PlanHeader {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    serviceDate: row.serviceDate,
    status: row.status,
    summary: readStoredPlanPart(storedPlanSummarySchema, row.summary, {
      planId: row.id,
      part: "summary",
    }),
    createdAt: row.createdAt.toISOString(),
    revision: row.revision,
    revisedFrom: row.revisedFrom,
  };
}

const firstStart = (run: PlanRun): number => run.stops[0]?.start ?? Number.POSITIVE_INFINITY;

function toPlan(row: HeaderRow, runs: readonly PlanRun[]): StoredPlan {
  return {
    ...toHeader(row),
    unassigned: readStoredPlanPart(storedPlanUnassignedSchema, row.unassigned, {
      planId: row.id,
      part: "unassigned requests",
    }),
    runs: [...runs].sort(
      (a, b) => firstStart(a) - firstStart(b) || a.vehicleId.localeCompare(b.vehicleId),
    ),
  };
}

/** Where a revision sits in its history; absent for a plan from the engine. */
interface RevisionOf {
  readonly revisedFrom: string;
  readonly revision: number;
}

/** A whole Problem is stored as itself (as before); one without matrices with its points. */
function storedForm(kept: KeptProblem): StoredProblemColumn {
  if (kept.kind === "points") return kept;
  return kept.at ? { kind: "whole", problem: kept.problem, at: kept.at } : kept.problem;
}

type PlanFields = Omit<NewPlan, "problem" | "runs"> & {
  readonly problem: StoredProblemColumn | null;
};

async function insertHeader(
  db: Db,
  organisationId: string,
  plan: PlanFields,
  revisionOf?: RevisionOf,
): Promise<HeaderRow> {
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
      ...(revisionOf ?? {}),
    })
    .returning(HEADER_COLUMNS);
  return row!;
}

/** A plan from the engine: the plan and every run, stored. */
async function insertPlan(
  db: Db,
  organisationId: string,
  plan: PlanFields & { readonly runs: readonly NewPlanRun[] },
): Promise<StoredPlan> {
  const header = await insertHeader(db, organisationId, plan);
  return toPlan(header, await insertRuns(db, organisationId, header.id, plan.runs));
}

/** Drizzle adapter of `PlanStore` over the `plans`, `runs` and `plan_runs` tables. */
export function createPlanStore(db: Db, inTransaction: boolean): PlanStore {
  return {
    save(organisationId, plan) {
      const stored = { ...plan, problem: plan.problem ? storedForm(plan.problem) : null };
      return inTransaction
        ? insertPlan(db, organisationId, stored)
        : db.transaction((tx) => insertPlan(tx, organisationId, stored));
    },
    async find(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select(HEADER_COLUMNS)
        .from(plans)
        .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
      if (!row) return undefined;
      return toPlan(row, await findRuns(db, organisationId, id));
    },
    async list(organisationId, query) {
      const conditions: SQL[] = [eq(plans.organisationId, organisationId)];
      if (query.serviceDate) conditions.push(eq(plans.serviceDate, query.serviceDate));
      if (query.fromServiceDate) conditions.push(gte(plans.serviceDate, query.fromServiceDate));
      if (query.status) conditions.push(eq(plans.status, query.status));
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
    findProblem: async (organisationId, id) =>
      (await findProblemChain(db, organisationId, id))?.kept,
    findProblemChain: (organisationId, id) => findProblemChain(db, organisationId, id),
    saveRevision: (organisationId, revisedFrom, plan) =>
      inTransaction
        ? insertRevision(db, organisationId, revisedFrom, plan)
        : db.transaction((tx) => insertRevision(tx, organisationId, revisedFrom, plan)),
    findRevisionOf: (organisationId, id) => findRevisionOf(db, organisationId, id),
    ...createPlanPublication(db),
  };
}

/**
 * A revision has no Problem of its own: follow `revised_from` back to the plan that kept one,
 * collecting what bookings' revisions added on the way.
 */
async function findProblemChain(
  db: Db,
  organisationId: string,
  id: string,
): ReturnType<PlanStore["findProblemChain"]> {
  const additions: ProblemAdditions[] = [];
  let current: string | null = isUuid(id) ? id : null;
  while (current) {
    const [row] = await db
      .select({ problem: plans.problem, revisedFrom: plans.revisedFrom })
      .from(plans)
      .where(and(eq(plans.organisationId, organisationId), eq(plans.id, current)));
    if (!row) return undefined;
    const part = { planId: current, part: "Problem" };
    if (isAdditions(row.problem)) {
      additions.unshift(readStoredPlanPart(storedProblemAdditionsSchema, row.problem, part));
    } else if (row.problem) {
      const kept = readStoredPlanPart(storedKeptProblemSchema, row.problem, part);
      return { keptBy: current, kept, additions };
    }
    current = row.revisedFrom;
  }
  return undefined;
}

const isAdditions = (value: unknown): boolean =>
  typeof value === "object" && value !== null && "kind" in value && value.kind === "additions";

async function findRevisionOf(
  db: Db,
  organisationId: string,
  id: string,
): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.revisedFrom, id)));
  return row?.id;
}

/** The next revision of `revisedFrom`; the unique index on `revised_from` settles a race. */
async function insertRevision(
  db: Db,
  organisationId: string,
  revisedFrom: string,
  plan: NewPlanRevision,
): Promise<StoredPlan> {
  const [from] = isUuid(revisedFrom)
    ? await db
        .select({ revision: plans.revision })
        .from(plans)
        .where(and(eq(plans.organisationId, organisationId), eq(plans.id, revisedFrom)))
    : [];
  if (!from)
    throw new AppError("not-found", `No plan with id ${revisedFrom} in your organisation.`);
  const existing = await findRevisionOf(db, organisationId, revisedFrom);
  if (existing) throw alreadyRevised(revisedFrom, existing);
  try {
    const revisionOf = { revisedFrom, revision: from.revision + 1 };
    const { additions, runs, ...fields } = plan;
    const problem = additions ? { kind: "additions" as const, ...additions } : null;
    const header = await insertHeader(db, organisationId, { ...fields, problem }, revisionOf);
    const stored = await storeRevisionRuns(db, organisationId, header.id, revisedFrom, runs);
    return toPlan(header, stored);
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRevised(revisedFrom, "saved at the same time");
    throw error;
  }
}

function alreadyRevised(id: string, by: string): AppError {
  return new AppError(
    "conflict",
    `Plan ${id} has already been revised (${by}); make the change on its latest revision.`,
    [{ path: "id", message: "this plan has a newer revision" }],
  );
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
