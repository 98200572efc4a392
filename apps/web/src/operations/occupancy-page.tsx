import type { OccupancyView, TapImportReportView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import {
  importedText,
  PERCENTILES,
  seatsVerdict,
  sweeperText,
  weekdayName,
} from "./occupancy-words";

const HEADINGS = [
  "Vehicle",
  "Day",
  "Seats",
  "Planned",
  "Days seen",
  "Mean",
  "Most",
  "Suggested seats",
  "",
];

function OccupancyTable({ occupancy }: { occupancy: OccupancyView }) {
  return (
    <table className="govuk-table" data-testid="occupancy-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Travellers per run, {occupancy.from} to {occupancy.to} (seats at the {occupancy.percentile}
        th percentile)
      </caption>
      <TableHead labels={HEADINGS} />
      <tbody className="govuk-table__body">
        {occupancy.rows.map((r) => (
          <tr
            className="govuk-table__row"
            key={`${r.vehicleId}-${r.weekday}`}
            data-testid="occupancy-row"
          >
            <td className="govuk-table__cell">{r.vehicleReference}</td>
            <td className="govuk-table__cell">{weekdayName(r.weekday)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.seats}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {r.plannedTravellers ?? "—"}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.daysObserved}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.observedMean}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.observedMax}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.suggestedSeats}</td>
            <td className="govuk-table__cell">{seatsVerdict(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportTaps({ onImported }: { onImported: (report: TapImportReportView) => void }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("taps-file");
    if (!(file instanceof File) || file.size === 0) {
      setProblems([{ text: "Choose a CSV file of taps", href: "#taps-file" }]);
      return;
    }
    setBusy(true);
    try {
      onImported(await api.importTaps(file));
      setProblems([]);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="taps-form">
      <ErrorSummary title="The file was not imported: nothing was stored" problems={problems} />
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="taps-file">
          Taps or attendance (CSV)
        </label>
        <div className="govuk-hint" id="taps-file-hint">
          Columns date, card, vehicle, stop and time. A card may be a passenger's reference.
        </div>
        <input
          className="govuk-file-upload"
          id="taps-file"
          name="taps-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="taps-file-hint"
        />
      </div>
      <button type="submit" className="govuk-button" disabled={busy}>
        Import the taps
      </button>
    </form>
  );
}

/**
 * Who really travelled: import smartcard taps or attendance, then compare each vehicle's
 * travellers per weekday with the operating plans, with the seats to plan for, the planned runs
 * no tap covers yet, and entitled passengers who never travelled.
 */
export function OccupancyPage({ from, to }: { from: string; to: string }) {
  useTitle("Taps and occupancy");
  const [imported, setImported] = useState<TapImportReportView>();
  const [shown, setShown] = useState<OccupancyView>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const show = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const percentile = Number(form.get("percentile"));
      setShown(
        await api.occupancy(dateFromParts(form, "from"), dateFromParts(form, "to"), percentile),
      );
      setProblems([]);
    } catch (error) {
      setProblems(problemsOf(error, { from: "from", to: "to", percentile: "percentile" }));
    }
  };
  return (
    <div>
      {imported && <NotificationBanner message={importedText(imported)} id="taps-imported" />}
      <h1 className="govuk-heading-l">Taps and occupancy</h1>
      <ImportTaps onImported={setImported} />
      <h2 className="govuk-heading-m">Occupancy against the plans</h2>
      <ErrorSummary problems={problems} />
      <form onSubmit={(e) => void show(e)} noValidate data-testid="occupancy-form">
        <DateField frame={{ id: "from", label: "From" }} value={imported?.from ?? from} />
        <DateField frame={{ id: "to", label: "To" }} value={imported?.to ?? to} />
        <SelectField
          frame={{ id: "percentile", label: "Plan seats for this share of days (percentile)" }}
          choices={PERCENTILES.map((p) => ({ value: String(p), text: `${p}%` }))}
          defaultValue="85"
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show occupancy
        </button>
      </form>
      {shown && (
        <>
          <OccupancyTable occupancy={shown} />
          <p className="govuk-body" data-testid="sweeper">
            {sweeperText(shown)}
          </p>
          <h3 className="govuk-heading-s">Entitled passengers who never travelled</h3>
          {shown.reviewCandidates.length === 0 ? (
            <p className="govuk-body">None in this period.</p>
          ) : (
            <ul className="govuk-list" data-testid="review-candidates">
              {shown.reviewCandidates.map((c) => (
                <li key={c.id}>
                  <a className="govuk-link" href={`/register/passengers/${c.id}/edit`}>
                    {c.reference}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
