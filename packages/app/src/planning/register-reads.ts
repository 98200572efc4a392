import type { TripRequest } from "@tt/domain";
import type { RecordRepository } from "../ports";

const PAGE = 1000;

/** Every row of a register in the organisation, page by page. */
export async function listEvery<T>(
  repository: RecordRepository<T, unknown>,
  organisationId: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await repository.list(organisationId, { offset, limit: PAGE });
    out.push(...page.items);
    if (page.items.length < PAGE) return out;
  }
}

/** The rows with these ids that exist in the organisation, one look-up each. */
export async function findEach<T extends { id: string }>(
  repository: RecordRepository<T, unknown>,
  organisationId: string,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (const id of new Set(ids)) {
    const row = await repository.find(organisationId, id);
    if (row) out.set(id, row);
  }
  return out;
}

/** Above this many ids, reading the whole register is cheaper than one look-up per id. */
const FIND_EACH_LIMIT = 100;

/** The rows with these ids: looked up one by one when few, else read in pages and picked. */
export async function findMany<T extends { id: string }>(
  repository: RecordRepository<T, unknown>,
  organisationId: string,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const wanted = new Set(ids);
  if (wanted.size <= FIND_EACH_LIMIT) return findEach(repository, organisationId, wanted);
  const rows = await listEvery(repository, organisationId);
  return new Map(rows.filter((row) => wanted.has(row.id)).map((row) => [row.id, row]));
}

/** The places trip requests start or end at. */
export function placeIds(trips: Iterable<TripRequest>): string[] {
  const out: string[] = [];
  for (const t of trips) {
    for (const end of [t.origin, t.destination]) if (end.kind === "place") out.push(end.placeId);
  }
  return out;
}
