import { useQuery } from "@tanstack/react-query";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import { todayOnPhone } from "../driver/driver-words";
import { exceptionText, runProgressText, runVehicleText, totalsText } from "./board-words";
import { useBoardEvents } from "./use-board-events";

/**
 * The day's runs as they are running: each run's progress, and the exceptions a controller acts
 * on (late stops, no-shows with their reasons, trips cancelled for the day). It updates itself as
 * drivers mark their stops. No passenger is named: trips by reference.
 */
export function StatusBoardPage({ date }: { date: string | undefined }) {
  useTitle("Status board");
  const day = date ?? todayOnPhone();
  const first = useQuery({ queryKey: ["status-board", day], queryFn: () => api.statusBoard(day) });
  const { board, connected } = useBoardEvents(day, first.data);
  if (first.error) return <ErrorSummary problems={problemsOf(first.error)} />;
  if (!board) return <p className="govuk-body">Loading the board…</p>;
  return (
    <div>
      <span className="govuk-caption-l">{day}</span>
      <h1 className="govuk-heading-l">Status board</h1>
      <p className="govuk-body" data-testid="board-live">
        {connected ? "Updating as drivers mark their stops." : "Reconnecting to live updates…"}
      </p>
      {board.planId === null ? (
        <p className="govuk-body">No operating plan is published for {day}.</p>
      ) : (
        <p className="govuk-body" data-testid="board-totals">
          {totalsText(board.totals)}
        </p>
      )}
      <table className="govuk-table" data-testid="board-exceptions">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Exceptions ({board.exceptions.length})
        </caption>
        <TableHead labels={["What", "Trip", "Vehicle", "Planned"]} />
        <tbody className="govuk-table__body">
          {board.exceptions.map((e) => (
            <tr
              className="govuk-table__row"
              key={`${e.kind}-${e.tripReference}-${e.vehicleReference}-${e.planned}`}
            >
              <td className="govuk-table__cell">{exceptionText(e)}</td>
              <td className="govuk-table__cell">{e.tripReference}</td>
              <td className="govuk-table__cell">{e.vehicleReference ?? ""}</td>
              <td className="govuk-table__cell">{e.planned ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="govuk-table" data-testid="board-runs">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Runs ({board.runs.length})
        </caption>
        <TableHead labels={["Vehicle", "Planned", "Progress", "Next stop"]} />
        <tbody className="govuk-table__body">
          {board.runs.map((run) => (
            <tr
              className="govuk-table__row"
              key={`${run.forOrganisation ?? ""}:${run.vehicleId}`}
              data-testid="board-run"
            >
              <td className="govuk-table__cell">{runVehicleText(run)}</td>
              <td className="govuk-table__cell">
                {run.from} to {run.to}
              </td>
              <td className="govuk-table__cell">{runProgressText(run)}</td>
              <td className="govuk-table__cell">{run.next ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
