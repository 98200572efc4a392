import type { JourneyReportView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import { figureCells, percent, reasonRows, serviceLabel } from "./journey-words";

const FIGURE_HEADINGS = [
  "Journeys",
  "Completed",
  "On time",
  "No-shows",
  "Cancelled",
  "Over ride limit",
];

function FiguresTable({
  caption,
  first,
  rows,
  testId,
}: {
  caption: string;
  first: string;
  rows: JourneyReportView["byService"];
  testId: string;
}) {
  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <TableHead labels={[first, ...FIGURE_HEADINGS]} />
      <tbody className="govuk-table__body">
        {rows.map((f) => (
          <tr className="govuk-table__row" key={f.key}>
            <th scope="row" className="govuk-table__header">
              {serviceLabel(f.key)}
            </th>
            {figureCells(f).map((cell, i) => (
              <td className="govuk-table__cell" key={FIGURE_HEADINGS[i]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Reasons({ title, counts }: { title: string; counts: Readonly<Record<string, number>> }) {
  const rows = reasonRows(counts);
  return (
    <>
      <h3 className="govuk-heading-s">{title}</h3>
      {rows.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {rows.map(([label, n]) => (
            <li key={label}>
              {label}: {n}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * What really happened: each planned journey against the marks made on the road, with on-time
 * rates per service and operator, no-shows by reason and NEPTS missed appointments; the period's
 * journeys as CSV.
 */
export function JourneysPage({ from, to }: { from: string; to: string }) {
  useTitle("Completed journeys");
  const [report, setReport] = useState<JourneyReportView>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const show = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      setReport(await api.journeys(dateFromParts(form, "from"), dateFromParts(form, "to")));
      setProblems([]);
    } catch (error) {
      setProblems(problemsOf(error, { from: "from", to: "to" }));
    }
  };
  return (
    <div>
      <h1 className="govuk-heading-l">Completed journeys</h1>
      <ErrorSummary problems={problems} />
      <form onSubmit={(e) => void show(e)} noValidate data-testid="journeys-form">
        <DateField frame={{ id: "from", label: "From" }} value={from} />
        <DateField frame={{ id: "to", label: "To (at most 31 days)" }} value={to} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the journeys
        </button>
      </form>
      {report && (
        <>
          <p className="govuk-body" data-testid="journeys-total">
            {report.total.journeys} journeys from {report.from} to {report.to}:{" "}
            {report.total.completed} completed, {percent(report.total.onTimeRate)} on time;
            no-shows: {report.total.noShows} ({percent(report.noShows.rate)}); cancelled:{" "}
            {report.total.cancelled}.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={api.journeysCsvUrl(report.from, report.to)}>
              Download all {report.journeysTotal} journeys (CSV)
            </a>
          </p>
          <FiguresTable
            caption="By service"
            first="Service"
            rows={report.byService}
            testId="journeys-by-service"
          />
          <FiguresTable
            caption="By operator"
            first="Operator"
            rows={report.byOperator}
            testId="journeys-by-operator"
          />
          <Reasons title="No-shows by reason" counts={report.noShows.byReason} />
          <h3 className="govuk-heading-s">Non-emergency patient transport</h3>
          <p className="govuk-body">
            {report.nepts.missed} of {report.nepts.journeys} appointments missed.
          </p>
          <Reasons title="Missed appointments by reason" counts={report.nepts.missedByReason} />
        </>
      )}
    </div>
  );
}
