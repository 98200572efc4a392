import { coarsenPosition, type LatLon } from "@tt/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { plans } from "../schema";

/** A point as a kept Problem holds it. */
const isPoint = (value: unknown): value is LatLon =>
  typeof value === "object" &&
  value !== null &&
  "lat" in value &&
  "lon" in value &&
  typeof value.lat === "number" &&
  typeof value.lon === "number";

const same = (a: LatLon, b: LatLon) =>
  Math.abs(a.lat - b.lat) < 1e-9 && Math.abs(a.lon - b.lon) < 1e-9;

/** The point list with the home put at the centre of its 500 m square. */
function coarsened(points: unknown, home: LatLon, square: LatLon): unknown {
  if (!Array.isArray(points)) return points;
  return points.map((p) => (isPoint(p) && same(p, home) ? square : p));
}

/** The stored Problem (kept whole or by points, or a booking's additions) without the home. */
function withoutHome(problem: unknown, home: LatLon, square: LatLon): unknown {
  if (typeof problem !== "object" || problem === null) return problem;
  if ("at" in problem && typeof problem.at === "object" && problem.at !== null) {
    const at = problem.at;
    const points = "points" in at ? coarsened(at.points, home, square) : undefined;
    return { ...problem, at: { ...at, points } };
  }
  if ("kind" in problem && problem.kind === "additions" && "points" in problem) {
    return { ...problem, points: coarsened(problem.points, home, square) };
  }
  return problem;
}

/**
 * Erasure in the plans' kept Problems: where a Problem keeps the person's home as a point (to make
 * its matrices again, or a new address's rows), the point becomes the centre of its 500 m square.
 * A Problem kept whole keeps its matrices, so its plan evaluates as before; one kept by points
 * places the person's stops at that centre when it is made whole again.
 */
export async function erasePlanPoints(
  db: Db,
  organisationId: string,
  home: LatLon,
): Promise<number> {
  const square = coarsenPosition(home);
  const rows = await db
    .select({ id: plans.id, problem: plans.problem })
    .from(plans)
    .where(
      and(
        eq(plans.organisationId, organisationId),
        sql`strpos(${plans.problem}::text, ${String(home.lat)}) > 0`,
      ),
    );
  for (const row of rows) {
    const problem = withoutHome(row.problem, home, square);
    await db
      .update(plans)
      .set({ problem: sql`${JSON.stringify(problem)}::jsonb` })
      .where(eq(plans.id, row.id));
  }
  return rows.length;
}
