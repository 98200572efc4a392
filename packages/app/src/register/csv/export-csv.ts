// Gives other work on this thread a turn (requests of every organisation) before going on.
import { setImmediate as nextTurn } from "node:timers/promises";
import { stringify } from "csv-stringify/sync";
import type { RecordRepository, RegisterRepositories } from "../../ports";
import { type Actor, authorise } from "../../shared";
import type { RegisterUnitOfWork } from "../register-service";
import { REGISTER } from "../resources";
import { neutraliseFormula } from "./codecs";
import { type Column, type CsvKindSpec, getPath } from "./columns";
import type { CsvKind } from "./csv-port";
import { CSV_SPECS } from "./kinds";
import { lookupsById, recordingLookups } from "./lookups";

/**
 * Rows per page read: one statement of 15–30 ms on the embedded database, whose one session serves
 * other organisations' requests first, between pages (decision 0009); a request arriving during a
 * page waits for it, so pages stay short.
 */
const PAGE = 1000;
/** Rows formatted before other work on this thread gets a turn. */
const ROWS_PER_SLICE = 100;

/** The columns export writes, in order: the importer reads the same headers. */
export function exportedColumns(spec: CsvKindSpec): Column[] {
  return spec.columns.filter((c) => c.exported !== false);
}

/**
 * Writes every row of a kind as CSV text, page by page. Authorises before returning; for personal
 * data, writes the audit entry before the first row leaves.
 */
export function exportCsv(
  unitOfWork: RegisterUnitOfWork,
  actor: Actor,
  kind: CsvKind,
): AsyncIterable<string> {
  const spec = CSV_SPECS[kind];
  authorise(actor, REGISTER[spec.kind].resource, "read");
  return exportRows(unitOfWork, actor, spec);
}

async function* exportRows(
  unitOfWork: RegisterUnitOfWork,
  actor: Actor,
  spec: CsvKindSpec,
): AsyncGenerator<string> {
  const repos = unitOfWork.repositories;
  const columns = exportedColumns(spec);
  await auditExport(unitOfWork, actor, spec);
  yield stringify([columns.map((c) => c.header)], { record_delimiter: "unix" });
  const repository: Pick<RecordRepository<Record<string, unknown>, never>, "listAfter"> = repos[
    spec.kind
  ];
  const read = (after: string | undefined) =>
    repository.listAfter(actor.organisationId, {
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
  // Each page is its own short read (no transaction held while the file is written), and the next
  // page is read while this one is formatted.
  let page = await read(undefined);
  for (;;) {
    const next = page.next === undefined ? undefined : read(page.next);
    // Awaited below; if the download stops first, its failure must not go unhandled.
    next?.catch(() => undefined);
    if (page.items.length > 0)
      yield await formatPage(repos, actor.organisationId, spec, page.items);
    if (!next) return;
    page = await next;
  }
}

/**
 * A page of records as CSV lines, with the references and names of the rows they link to,
 * formatted a slice at a time so that requests on this thread are answered in between.
 */
async function formatPage(
  repos: RegisterRepositories,
  organisationId: string,
  spec: CsvKindSpec,
  records: readonly Record<string, unknown>[],
): Promise<string> {
  const columns = exportedColumns(spec);
  const recorded = recordingLookups(spec.lookups);
  for (const record of records) spec.toDraft(record, recorded);
  const lookups = await lookupsById(repos, organisationId, spec.kind, recorded);
  const parts: string[] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_SLICE) {
    if (start > 0) await nextTurn();
    const rows = records.slice(start, start + ROWS_PER_SLICE).map((record) => {
      const draft = spec.toDraft(record, lookups);
      return columns.map((c) => neutraliseFormula(c.codec.format(getPath(draft, c.target))));
    });
    parts.push(stringify(rows, { record_delimiter: "unix" }));
  }
  return parts.join("");
}

async function auditExport(
  unitOfWork: RegisterUnitOfWork,
  actor: Actor,
  spec: CsvKindSpec,
): Promise<void> {
  const resource = REGISTER[spec.kind];
  if (!resource.personal) return;
  const repos = unitOfWork.repositories;
  const rows = await repos[spec.kind].count(actor.organisationId);
  await repos.audit.append({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: "export",
    resource: resource.resource,
    resourceIds: [],
    purpose: actor.purpose ?? `csv export ${resource.resource}`,
    details: { rows, scope: "all rows of the organisation" },
  });
}
