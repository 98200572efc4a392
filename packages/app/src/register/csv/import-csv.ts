// Gives other work on this thread a turn (requests of every organisation) before going on.
import { setImmediate as nextTurn } from "node:timers/promises";
import { type Actor, authorise } from "../../shared";
import type { RegisterUnitOfWork } from "../register-service";
import { REGISTER, registerRepository } from "../resources";
import type { CsvKindSpec } from "./columns";
import type { CsvKind, ImportOptions, ImportReport } from "./csv-port";
import { IssueList } from "./issues";
import { CSV_SPECS } from "./kinds";
import { lookupsByKey, recordingLookups } from "./lookups";
import { orderForInsert } from "./order-rows";
import { type CsvRecord, type Header, readHeader, readRecords } from "./read-csv";
import { DIRECT_IMPORT_ROWS, stageAndPublish } from "./stage-import";
import { RowValidator, type ValidRow, withLinks } from "./validate-rows";

/** Rows inserted per statement. */
const BATCH = 2000;
/** Rows read between progress calls. */
const PROGRESS_EVERY = 200;
/**
 * Rows checked before other work on this thread gets a turn: a few milliseconds, so that a request
 * of another organisation waits little at each of its steps (decision 0009).
 */
const ROWS_PER_SLICE = 25;

type CsvRepositories = RegisterUnitOfWork["repositories"];

/**
 * Reads, checks and stores a CSV file, all or nothing: rows are validated as they stream in,
 * then references between rows are checked, and only a file without a single problem is stored,
 * with one audit entry: in one transaction, or for a large file staged in short ones and then
 * published in one (`stage-import.ts`).
 */
export async function importCsv<K extends CsvKind>(
  unitOfWork: RegisterUnitOfWork,
  actor: Actor,
  kind: K,
  source: AsyncIterable<string | Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const spec = CSV_SPECS[kind];
  authorise(actor, REGISTER[spec.kind].resource, "write");
  const issues = new IssueList();
  const { rows, fileReferences, rowsRead } = await validateFile(
    unitOfWork,
    actor,
    spec,
    source,
    issues,
    options,
  );
  const levels = orderForInsert(rows, fileReferences, issues, REGISTER[spec.kind].singular);
  if (!issues.isEmpty) throw issues.toError();
  const created =
    rows.length > DIRECT_IMPORT_ROWS
      ? await stageAndPublish(unitOfWork, actor, spec, levels, (repos, ids) =>
          auditImport(repos, actor, spec, ids),
        )
      : await unitOfWork.transaction(async (repos) => {
          const ids = await insertLevels(repos, actor.organisationId, spec, levels);
          await auditImport(repos, actor, spec, ids);
          return ids;
        });
  return { kind, rowsRead, created: created.length };
}

async function validateFile<K extends CsvKind>(
  unitOfWork: RegisterUnitOfWork,
  actor: Actor,
  spec: CsvKindSpec<K>,
  source: AsyncIterable<string | Uint8Array>,
  issues: IssueList,
  options: ImportOptions,
): Promise<{ rows: ValidRow<K>[]; fileReferences: ReadonlyMap<string, number>; rowsRead: number }> {
  const { header, records } = await readFile(spec, source, issues, options);
  const rowsRead = records.length;
  if (!header) return { rows: [], fileReferences: new Map(), rowsRead };
  const singular = REGISTER[spec.kind].singular;
  const recorded = recordingLookups(spec.lookups);
  const noting = new RowValidator(spec, header, recorded, new IssueList(), singular);
  for (const [index, record] of records.entries()) {
    noting.noteKeys(record);
    if ((index + 1) % ROWS_PER_SLICE === 0) await nextTurn();
  }
  const { repositories } = unitOfWork;
  const lookups = await lookupsByKey(repositories, actor.organisationId, spec.kind, recorded);
  const validator = new RowValidator(spec, header, lookups, issues, singular);
  for (const [index, record] of records.entries()) {
    validator.check(record);
    // Checking is work on this thread: let other requests in between slices of rows.
    if ((index + 1) % ROWS_PER_SLICE === 0) await nextTurn();
  }
  return { rows: validator.valid, fileReferences: validator.fileReferences, rowsRead };
}

/**
 * Rows one register import reads at most, blank lines included: the county's 100,000-passenger
 * register twice over, so that a file of blank lines ends quickly.
 */
export const MAX_IMPORT_ROWS = 200_000;

/** The header and the data rows; no header when the file is empty or its header is wrong. */
async function readFile(
  spec: CsvKindSpec,
  source: AsyncIterable<string | Uint8Array>,
  issues: IssueList,
  options: ImportOptions,
): Promise<{ header?: Header; records: CsvRecord[] }> {
  let header: Header | undefined;
  const records: CsvRecord[] = [];
  for await (const record of readRecords(source, issues, MAX_IMPORT_ROWS + 1)) {
    if (!header) {
      header = readHeader(spec, record.cells, issues);
      if (!issues.isEmpty) return { records };
      continue;
    }
    records.push(record);
    if (records.length % PROGRESS_EVERY === 0) options.onProgress?.(records.length);
  }
  if (!header && issues.isEmpty)
    issues.add({ row: 1, path: "", message: "the file is empty: expected a header row" });
  options.onProgress?.(records.length);
  return header ? { header, records } : { records };
}

async function insertLevels<K extends CsvKind>(
  repos: CsvRepositories,
  organisationId: string,
  spec: CsvKindSpec<K>,
  levels: readonly (readonly ValidRow<K>[])[],
): Promise<string[]> {
  const repository = registerRepository(repos, spec.kind);
  const ids = new Map<string, string>();
  for (const level of levels) {
    for (let start = 0; start < level.length; start += BATCH) {
      const inputs = level.slice(start, start + BATCH).map((row) => withLinks(row, ids));
      for (const created of await repository.createMany(organisationId, inputs)) {
        ids.set(created.reference, created.id);
      }
    }
  }
  return [...ids.values()];
}

async function auditImport(repos: CsvRepositories, actor: Actor, spec: CsvKindSpec, ids: string[]) {
  const resource = REGISTER[spec.kind];
  if (!resource.personal) return;
  await repos.audit.append({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: "import",
    resource: resource.resource,
    resourceIds: ids,
    purpose: actor.purpose ?? `csv import ${resource.resource}`,
    details: { rows: ids.length },
  });
}
