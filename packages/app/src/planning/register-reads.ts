import type { TripRequest } from "@tt/domain";
import type { RecordRepository } from "../ports";

const PAGE = 1000;

/** Every row of a register in the organisation, in keyset pages (no offsets, no counts). */
export async function listEvery<T>(
  repository: RecordRepository<T, unknown>,
  organisationId: string,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const page = await repository.listAfter(organisationId, {
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    out.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return out;
}

/**
 * The rows with these ids that exist in the organisation, in the order asked for. One call: the
 * repository splits a long list into statements of its own size.
 */
export async function findEach<T extends { id: string }>(
  repository: RecordRepository<T, unknown>,
  organisationId: string,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)];
  const rows = await repository.findByIds(organisationId, wanted);
  const found = new Map(rows.map((row) => [row.id, row]));
  // In the order asked for, as callers list them.
  const out = new Map<string, T>();
  for (const id of wanted) {
    const row = found.get(id);
    if (row) out.set(id, row);
  }
  return out;
}

/** The rows with these ids (`findEach`; kept for callers that read many). */
export const findMany = findEach;

/** The places trip requests start or end at. */
export function placeIds(trips: Iterable<TripRequest>): string[] {
  const out: string[] = [];
  for (const t of trips) {
    for (const end of [t.origin, t.destination]) if (end.kind === "place") out.push(end.placeId);
  }
  return out;
}
