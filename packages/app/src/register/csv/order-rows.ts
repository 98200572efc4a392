import type { IssueList } from "./issues";
import type { ValidRow } from "./validate-rows";

/**
 * Checks references between rows of the file and orders the rows so that a row is stored after
 * the rows whose ids it needs (a return trip after its outbound). Reports missing references
 * and loops.
 */
export function orderForInsert<R extends ValidRow>(
  rows: readonly R[],
  fileReferences: ReadonlyMap<string, number>,
  issues: IssueList,
  singular: string,
): R[][] {
  const byReference = new Map(rows.map((r) => [r.reference, r]));
  const level = new Map<ValidRow, number>();
  const visiting = new Set<ValidRow>();
  const depth = (row: ValidRow): number => {
    const known = level.get(row);
    if (known !== undefined) return known;
    if (visiting.has(row)) return Number.NaN;
    visiting.add(row);
    let result = 0;
    for (const link of row.references) {
      const target = link.assign ? byReference.get(link.reference) : undefined;
      if (target) result = Math.max(result, depth(target) + 1);
    }
    visiting.delete(row);
    level.set(row, result);
    return result;
  };
  for (const row of rows) checkLinks(row, fileReferences, issues, singular);
  if (!issues.isEmpty) return [];
  const levels: R[][] = [];
  for (const row of rows) {
    const d = depth(row);
    if (Number.isNaN(d)) {
      issues.add({
        row: row.row,
        path: row.references.find((r) => r.assign)?.column ?? "",
        message: "these rows refer to each other in a loop",
      });
      continue;
    }
    const bucket = levels[d] ?? [];
    bucket.push(row);
    levels[d] = bucket;
  }
  return levels;
}

function checkLinks(
  row: ValidRow,
  fileReferences: ReadonlyMap<string, number>,
  issues: IssueList,
  singular: string,
) {
  for (const link of row.references) {
    if (!fileReferences.has(link.reference)) {
      issues.add({
        row: row.row,
        path: link.column,
        message: `no ${singular} with reference "${link.reference}" in this file or your organisation`,
      });
    }
  }
}
