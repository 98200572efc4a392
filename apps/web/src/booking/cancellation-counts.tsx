import type { CancellationSummaryView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { TableHead } from "../components/table-head";
import { countedReasons } from "./cancel-words";

/** How many trips were cancelled on a day, by reason: what Kent asked every cancellation to say. */
export function CancellationCounts({ date }: { date: string }) {
  const [shown, setShown] = useState<CancellationSummaryView>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const show = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const day = dateFromParts(new FormData(event.currentTarget), "counts-date");
    try {
      setShown(await api.cancellations(day, day));
      setProblems([]);
    } catch (error) {
      setShown(undefined);
      setProblems(problemsOf(error, { from: "counts-date", to: "counts-date" }));
    }
  };
  return (
    <section aria-labelledby="counts-heading" data-testid="cancellation-counts">
      <h2 className="govuk-heading-m" id="counts-heading">
        Cancellations by reason
      </h2>
      <ErrorSummary problems={problems} />
      <form onSubmit={(event) => void show(event)} noValidate>
        <DateField frame={{ id: "counts-date", label: "Day" }} value={date} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the cancellations
        </button>
      </form>
      {shown && (
        <table className="govuk-table" data-testid="cancellation-counts-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {shown.total} cancelled on {shown.from} (reasons of {shown.reasonsVersion})
          </caption>
          <TableHead labels={["Reason", "Trips"]} numeric={["Trips"]} />
          <tbody className="govuk-table__body">
            {countedReasons(shown).map((row) => (
              <tr key={row.code} className="govuk-table__row">
                <td className="govuk-table__cell">{row.label}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
