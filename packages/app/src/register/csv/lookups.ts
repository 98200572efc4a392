import type { RecordRepository, Repositories } from "../../ports";
import type { LookupKind } from "./columns";
import type { CsvKind } from "./csv-port";

/** Rows of one register kind by their key (reference, or name case-insensitively), and back. */
export interface KeyIndex {
  /** Ids of the rows with this key (more than one only for names). */
  find(key: string): readonly string[];
  /** The key of the row with this id, for export. */
  keyOf(id: string): string | undefined;
}

export interface Lookups {
  /** Rows of the kind being imported, by reference. */
  readonly own: KeyIndex;
  readonly other: Partial<Record<LookupKind, KeyIndex>>;
}

type Keyed = { id: string; reference?: string; name?: string };

const PAGE = 1000;
const KEYED_BY_NAME: ReadonlySet<LookupKind> = new Set(["funders", "operators", "termCalendars"]);

/** Case and spacing do not matter in names. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export function buildIndex(rows: readonly Keyed[], byName: boolean): KeyIndex {
  const byKey = new Map<string, string[]>();
  const byId = new Map<string, string>();
  for (const row of rows) {
    const key = (byName ? row.name : row.reference) ?? "";
    byId.set(row.id, key);
    const normal = byName ? nameKey(key) : key;
    byKey.set(normal, [...(byKey.get(normal) ?? []), row.id]);
  }
  return {
    find: (key) => byKey.get(byName ? nameKey(key) : key.trim()) ?? [],
    keyOf: (id) => byId.get(id),
  };
}

/** Every row of a kind in the organisation, page by page. */
export async function* listAll<T>(
  repository: RecordRepository<T, unknown>,
  organisationId: string,
  pageSize = PAGE,
): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await repository.list(organisationId, { offset, limit: pageSize });
    if (page.items.length > 0) yield page.items;
    if (page.items.length < pageSize) return;
  }
}

async function loadIndex(
  repos: Repositories,
  kind: LookupKind | CsvKind,
  organisationId: string,
  byName: boolean,
): Promise<KeyIndex> {
  const rows: Keyed[] = [];
  const repository = repos[kind] as unknown as RecordRepository<Keyed, unknown>;
  for await (const page of listAll(repository, organisationId)) rows.push(...page);
  return buildIndex(rows, byName);
}

/** Loads the organisation's rows that a file of `own` kind can refer to. */
export async function loadLookups(
  repos: Repositories,
  organisationId: string,
  own: CsvKind,
  kinds: readonly LookupKind[],
): Promise<Lookups> {
  const other: Partial<Record<LookupKind, KeyIndex>> = {};
  for (const kind of kinds) {
    other[kind] = await loadIndex(repos, kind, organisationId, KEYED_BY_NAME.has(kind));
  }
  return { own: await loadIndex(repos, own, organisationId, false), other };
}
