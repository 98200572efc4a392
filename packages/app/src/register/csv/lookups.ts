import type { RecordRepository, RegisterRepositories } from "../../ports";
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

/** A stand-in index that finds nothing and notes every key and id it is asked about. */
export class KeyRecorder implements KeyIndex {
  readonly keys = new Set<string>();
  readonly ids = new Set<string>();
  find(key: string): readonly string[] {
    this.keys.add(key.trim());
    return [];
  }
  keyOf(id: string): string | undefined {
    this.ids.add(id);
    return undefined;
  }
}

/** Lookups made of recorders: run rows through them to learn what the real lookups must hold. */
export interface RecordingLookups extends Lookups {
  readonly own: KeyRecorder;
  readonly other: Partial<Record<LookupKind, KeyRecorder>>;
}

export function recordingLookups(kinds: readonly LookupKind[]): RecordingLookups {
  const other: Partial<Record<LookupKind, KeyRecorder>> = {};
  for (const kind of kinds) other[kind] = new KeyRecorder();
  return { own: new KeyRecorder(), other };
}

type KeyedReads = Pick<
  RecordRepository<Keyed, never>,
  "findByIds" | "findByReferences" | "findByNames" | "listAfter"
>;

function repository(repos: RegisterRepositories, kind: LookupKind | CsvKind): KeyedReads {
  return repos[kind];
}

/** The rows a file names (by reference, or by name), one look-up per kind. */
export async function lookupsByKey(
  repos: RegisterRepositories,
  organisationId: string,
  own: CsvKind,
  recorded: RecordingLookups,
): Promise<Lookups> {
  const find = (kind: LookupKind | CsvKind, byName: boolean, keys: Set<string>) =>
    byName
      ? repository(repos, kind).findByNames(organisationId, [...keys])
      : repository(repos, kind).findByReferences(organisationId, [...keys]);
  return loadIndices(own, recorded, async (kind, byName, recorder) =>
    buildIndex(await find(kind, byName, recorder.keys), byName),
  );
}

/** The rows that stored records link to (by id), one look-up per kind: for export. */
export async function lookupsById(
  repos: RegisterRepositories,
  organisationId: string,
  own: CsvKind,
  recorded: RecordingLookups,
): Promise<Lookups> {
  return loadIndices(own, recorded, async (kind, byName, recorder) =>
    buildIndex(await repository(repos, kind).findByIds(organisationId, [...recorder.ids]), byName),
  );
}

type LoadIndex = (
  kind: LookupKind | CsvKind,
  byName: boolean,
  recorder: KeyRecorder,
) => Promise<KeyIndex>;

async function loadIndices(
  own: CsvKind,
  recorded: RecordingLookups,
  load: LoadIndex,
): Promise<Lookups> {
  const other: Partial<Record<LookupKind, KeyIndex>> = {};
  for (const [kind, recorder] of Object.entries(recorded.other) as [LookupKind, KeyRecorder][]) {
    other[kind] = await load(kind, KEYED_BY_NAME.has(kind), recorder);
  }
  return { own: await load(own, false, recorded.own), other };
}
