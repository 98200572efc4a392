import { type UnmetDemand, type UnmetDemandInput, unmetDemandInputSchema } from "@tt/domain";
import type { UnitOfWorkOf } from "../ports";
import { IssueList, MAX_LISTED_ISSUES, readRecords } from "../register";
import { type Actor, authorise } from "../shared";

/** What the register of unmet demand reads and writes. */
export type NeedsSurveyUnitOfWork = UnitOfWorkOf<"unmetDemand" | "audit">;

/** The columns of a parish needs survey, in any order, every one needed. */
export const SURVEY_COLUMNS = [
  "origin_lat",
  "origin_lon",
  "destination_lat",
  "destination_lon",
  "purpose",
  "days",
  "time",
  "count",
] as const;
type SurveyColumn = (typeof SURVEY_COLUMNS)[number];

/** Rows a survey file holds at most: a parish's answers, not a county's register [D]. */
export const MAX_SURVEY_ROWS = 5000;

function readHeader(cells: readonly string[], issues: IssueList): Map<SurveyColumn, number> {
  const positions = new Map<SurveyColumn, number>();
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    const column = SURVEY_COLUMNS.find((c) => c === name);
    if (!column && name !== "") {
      issues.add({ row: 1, path: cell.trim(), message: `unknown column "${cell.trim()}"` });
    } else if (column && positions.has(column)) {
      issues.add({ row: 1, path: column, message: `column "${column}" appears more than once` });
    } else if (column) positions.set(column, i);
  });
  for (const column of SURVEY_COLUMNS) {
    if (!positions.has(column)) {
      issues.add({ row: 1, path: column, message: `missing column "${column}"` });
    }
  }
  return positions;
}

const NUMERIC = new Set<string>([
  "origin_lat",
  "origin_lon",
  "destination_lat",
  "destination_lon",
  "count",
]);
const camel = (c: string) => c.replace(/_(\w)/g, (_, l: string) => l.toUpperCase());

function readRow(
  row: number,
  cells: readonly string[],
  header: Map<SurveyColumn, number>,
  survey: string,
  issues: IssueList,
): UnmetDemandInput | undefined {
  const raw: Record<string, unknown> = { survey };
  for (const column of SURVEY_COLUMNS) {
    const cell = (cells[header.get(column) ?? -1] ?? "").trim();
    raw[camel(column)] =
      column === "days"
        ? cell
            .toLowerCase()
            .split(/[\s;,]+/)
            .filter(Boolean)
        : NUMERIC.has(column) && cell !== "" && Number.isFinite(Number(cell))
          ? Number(cell)
          : cell;
  }
  const parsed = unmetDemandInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    const column = SURVEY_COLUMNS.find((c) => camel(c) === key) ?? key;
    issues.add({ row, path: column, message: issue.message });
  }
  return undefined;
}

/** Every row of the file checked; problems in `issues` by row; blank lines skipped. */
async function readSurvey(
  source: AsyncIterable<string | Uint8Array>,
  survey: string,
  issues: IssueList,
): Promise<UnmetDemandInput[]> {
  const rows: UnmetDemandInput[] = [];
  let header: Map<SurveyColumn, number> | undefined;
  // Blank lines count towards the rows read: a file of them cannot keep the reader busy.
  for await (const record of readRecords(source, issues, 2 * MAX_SURVEY_ROWS + 1)) {
    if (record.row === 1) {
      header = readHeader(record.cells, issues);
      if (!issues.isEmpty) return rows;
      continue;
    }
    if (!header || record.cells.every((cell) => cell.trim() === "")) continue;
    if (rows.length >= MAX_SURVEY_ROWS) {
      issues.add({
        row: record.row,
        path: "",
        message: `a survey holds at most ${MAX_SURVEY_ROWS} rows`,
      });
      return rows;
    }
    const read = readRow(record.row, record.cells, header, survey, issues);
    if (read) rows.push(read);
    if (issues.listedCount >= MAX_LISTED_ISSUES) return rows;
  }
  return rows;
}

/**
 * Parish needs surveys imported as CSV (`origin_lat,origin_lon,destination_lat,destination_lon,
 * purpose,days,time,count`), all or nothing, into the organisation's register of unmet demand:
 * journeys people would make, counted, never named. Role grant `delegations`.
 */
export class NeedsSurveyService {
  constructor(private readonly unitOfWork: NeedsSurveyUnitOfWork) {}

  async importCsv(
    actor: Actor,
    survey: string,
    source: AsyncIterable<string | Uint8Array>,
  ): Promise<{ survey: string; rows: number; people: number }> {
    authorise(actor, "delegations", "write");
    const issues = new IssueList();
    const rows = await readSurvey(source, survey.trim(), issues);
    if (!issues.isEmpty) throw issues.toError();
    const people = rows.reduce((sum, r) => sum + r.count, 0);
    return this.unitOfWork.transaction(async (repos) => {
      const stored = await repos.unmetDemand.insertMany(actor.organisationId, rows);
      await repos.audit.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: "create",
        resource: "unmet-demand",
        resourceIds: [],
        purpose: actor.purpose ?? "unmet demand: parish needs survey imported",
        details: { survey: survey.trim(), rows: stored, people },
      });
      return { survey: survey.trim(), rows: stored, people };
    });
  }

  async list(actor: Actor): Promise<UnmetDemand[]> {
    authorise(actor, "delegations", "read");
    return this.unitOfWork.repositories.unmetDemand.list(actor.organisationId, 5000);
  }
}
