import { useQueryClient } from "@tanstack/react-query";
import { ApiError, type CsvResourceKind, type ImportReport } from "@tt/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { SelectField } from "../components/select-field";
import { useTitle } from "../components/use-title";

type ImportKey = "passengers" | "places" | "vehicles" | "trip-requests";

/** What a file may hold: the address names it as `?kind=places` (the register pages link so). */
export const IMPORT_KINDS: readonly { key: ImportKey; kind: CsvResourceKind; label: string }[] = [
  { key: "passengers", kind: "passengers", label: "Passengers" },
  { key: "places", kind: "places", label: "Places" },
  { key: "vehicles", kind: "vehicles", label: "Vehicles" },
  { key: "trip-requests", kind: "tripRequests", label: "Trip requests" },
];

type Outcome =
  | { kind: "none" }
  | { kind: "imported"; report: ImportReport }
  | { kind: "refused"; problems: Problem[]; rows: ApiError["details"] };

/** The id of a file row's first line in the report: the error summary's links lead there. */
const rowId = (row: number) => `import-row-${row}`;

/** Each row problem in the error summary links to its row in the report below. */
function linkedToRows(problems: readonly Problem[]): Problem[] {
  return problems.map((p) =>
    p.row !== undefined && !p.href ? { ...p, href: `#${rowId(p.row)}` } : p,
  );
}

/**
 * Every row problem the server listed, one table row each. A file row's first line carries the
 * id the error summary links to; it takes focus (and shows it) when the link is followed.
 */
function RowReport({ rows }: { rows: ApiError["details"] }) {
  if (rows.length === 0) return null;
  const first = new Set<number>();
  const idOf = (row: number | undefined) => {
    if (row === undefined || first.has(row)) return undefined;
    first.add(row);
    return rowId(row);
  };
  return (
    <table className="govuk-table app-row-report" data-testid="row-report">
      <caption className="govuk-table__caption govuk-table__caption--m">Problems by row</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Row
          </th>
          <th scope="col" className="govuk-table__header">
            Column
          </th>
          <th scope="col" className="govuk-table__header">
            Problem
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((issue) => (
          <tr
            className="govuk-table__row"
            key={`${issue.row}-${issue.path}-${issue.message}`}
            id={idOf(issue.row)}
          >
            <td className="govuk-table__cell govuk-table__cell--numeric">{issue.row ?? ""}</td>
            <td className="govuk-table__cell">{issue.path}</td>
            <td className="govuk-table__cell">{issue.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The confirmation after an import: it takes focus, so that it is read out and seen first. */
function Imported({ report }: { report: ImportReport }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report) ref.current?.focus();
  }, [report]);
  return (
    <div
      className="govuk-panel govuk-panel--confirmation app-panel"
      role="status"
      tabIndex={-1}
      ref={ref}
      data-testid="import-confirmation"
    >
      <h2 className="govuk-panel__title">Imported</h2>
      <div className="govuk-panel__body">
        {report.created} of {report.rowsRead} rows stored
      </div>
    </div>
  );
}

/** CSV import, all or nothing: either every row is stored, or every bad row is listed. */
export function ImportPage({ kind }: { kind: ImportKey | undefined }) {
  useTitle("Import a CSV file");
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const initial = kind ?? "passengers";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const choice = IMPORT_KINDS.find((k) => k.key === form.get("kind"));
    const file = form.get("file");
    if (!choice || !(file instanceof File) || file.size === 0) {
      setOutcome({
        kind: "refused",
        problems: [{ text: "Select a CSV file", href: "#file" }],
        rows: [],
      });
      return;
    }
    setBusy(true);
    try {
      const report = await api.importCsv(choice.kind, file);
      setOutcome({ kind: "imported", report });
      await queryClient.invalidateQueries({ queryKey: ["register", choice.kind] });
    } catch (error) {
      const rows = error instanceof ApiError ? error.details : [];
      setOutcome({ kind: "refused", problems: linkedToRows(problemsOf(error)), rows });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {outcome.kind === "refused" && (
          <ErrorSummary
            title="The file was not imported: nothing was stored"
            problems={outcome.problems}
          />
        )}
        {outcome.kind === "imported" && <Imported report={outcome.report} />}
        <h1 className="govuk-heading-l">Import a CSV file</h1>
        <p className="govuk-body">
          A file is stored whole or not at all: if any row has a problem, nothing is stored and
          every problem is listed by row. The columns are described in the{" "}
          <a className="govuk-link" href="/api/reference">
            API reference
          </a>
          .
        </p>
        <form onSubmit={submit} noValidate>
          <SelectField
            frame={{ id: "kind", label: "What the file holds" }}
            choices={IMPORT_KINDS.map((k) => ({ value: k.key, text: k.label }))}
            defaultValue={initial}
          />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="file">
              CSV file
            </label>
            <input className="govuk-file-upload" id="file" name="file" type="file" accept=".csv" />
          </div>
          {/* Not disabled while busy: a disabled button would drop the keyboard user's focus. */}
          <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
            {busy ? "Importing…" : "Import"}
          </button>
        </form>
        {outcome.kind === "refused" && <RowReport rows={outcome.rows} />}
        <p className="govuk-body">
          <Link to="/register/passengers">Back to the register</Link>
        </p>
      </div>
    </div>
  );
}
