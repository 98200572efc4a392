import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import { todayOnPhone } from "../driver/driver-words";
import { isRealDate } from "../routes/search-params";
import { runVehicleText } from "./board-words";
import {
  CREW_FIELD_IDS,
  crewFieldsOf,
  crewOf,
  namesOf,
  readCrew,
  type StaffRecord,
  staffChoices,
} from "./crew-words";

interface Day {
  readonly date: string;
  readonly staff: ReadonlyMap<string, StaffRecord>;
}

/** The day's runs (the operating plan's, as the status board has them), the rota and the staff. */
function useCrewDay(date: string) {
  const board = useQuery({
    queryKey: ["status-board", date],
    queryFn: () => api.statusBoard(date),
  });
  const rota = useQuery({ queryKey: ["crew", date], queryFn: () => api.crewRota(date) });
  const staff = useQuery({
    queryKey: ["register", "staff", "crew"],
    queryFn: () => api.list("staff", { limit: 500 }),
  });
  const error = board.error ?? rota.error ?? staff.error;
  const byId = new Map((staff.data?.items ?? []).map((p) => [p.id, p]));
  return { board: board.data, rota: rota.data, staff: byId, error, ready: !!staff.data };
}

const ASSISTANT_LABELS = [
  "Passenger assistant",
  "Second passenger assistant",
  "Third passenger assistant",
];

/** One vehicle's crew: a driver and up to three passenger assistants, saved together. */
function CrewForm({
  day,
  vehicle,
  crew,
  onSaved,
}: {
  day: Day;
  vehicle: { id: string; reference: string };
  crew: { driver: string; assistants: readonly string[] };
  onSaved: (text: string) => void;
}) {
  const queries = useQueryClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const all = [...day.staff.values()];
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = CREW_FIELD_IDS.map((id) => String(form.get(id) ?? ""));
    const read = readCrew(chosen);
    if (!read.ok) return setProblems(read.problems);
    setBusy(true);
    try {
      const rota = await api.assignCrew(day.date, vehicle.id, read.staffIds);
      queries.setQueryData(["crew", day.date], rota);
      setProblems([]);
      const names = namesOf(read.staffIds, day.staff);
      onSaved(`${vehicle.reference} on ${day.date}: ${names === "None" ? "no crew" : names}.`);
    } catch (error) {
      setProblems(problemsOf(error, crewFieldsOf(chosen)));
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  const assistants = staffChoices(all, "passenger-assistant", day.date);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="crew-form" key={vehicle.id}>
      <h2 className="govuk-heading-m" id="crew-form-heading">
        Crew of {vehicle.reference}
      </h2>
      <ErrorSummary title="The crew was not saved" problems={problems} />
      <SelectField
        frame={{ id: "crew-driver", label: "Driver", error: errorOf("crew-driver") }}
        choices={staffChoices(all, "driver", day.date)}
        defaultValue={crew.driver}
        blank="No driver"
      />
      {[1, 2, 3].map((n) => (
        <SelectField
          key={n}
          frame={{
            id: `crew-assistant-${n}`,
            label: ASSISTANT_LABELS[n - 1] ?? "Passenger assistant",
            error: errorOf(`crew-assistant-${n}`),
          }}
          choices={assistants}
          defaultValue={crew.assistants[n - 1] ?? ""}
          blank="None"
        />
      ))}
      <button type="submit" className="govuk-button" disabled={busy} data-testid="save-crew">
        Save the crew
      </button>
    </form>
  );
}

/**
 * Who drives and assists on each vehicle of the day's operating plan: a driver's phone shows the
 * runs of the vehicle they crew, and only those. A person whose check has lapsed on the day is
 * refused, and one person crews one vehicle a day.
 */
export function CrewPage({ date }: { date: string | undefined }) {
  useTitle("Crew rota");
  const [day, setDay] = useState(date ?? todayOnPhone());
  const [dateProblem, setDateProblem] = useState<Problem[]>([]);
  const [chosen, setChosen] = useState<{ id: string; reference: string }>();
  const [saved, setSaved] = useState<string>();
  const { board, rota, staff, error, ready } = useCrewDay(day);
  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = dateFromParts(new FormData(event.currentTarget), "crew-date");
    if (!isRealDate(wanted)) {
      setDateProblem([{ text: "Enter a real date, like 24 11 2026", href: "#crew-date" }]);
      return;
    }
    setDateProblem([]);
    setChosen(undefined);
    setSaved(undefined);
    setDay(wanted);
  };
  return (
    <div>
      {saved && <NotificationBanner message={`Crew saved: ${saved}`} id="crew-saved" />}
      <h1 className="govuk-heading-l">Crew rota</h1>
      <ErrorSummary problems={error ? problemsOf(error) : dateProblem} />
      <form onSubmit={show} noValidate data-testid="crew-date-form">
        <DateField frame={{ id: "crew-date", label: "Date of the rota" }} value={day} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the day's runs
        </button>
      </form>
      {chosen && rota && (
        <CrewForm
          key={chosen.id}
          day={{ date: day, staff }}
          vehicle={chosen}
          crew={crewOf(rota, chosen.id, staff)}
          onSaved={setSaved}
        />
      )}
      {board && rota && ready ? (
        <CrewTable day={{ date: day, staff }} runs={board.runs} rota={rota} onChoose={setChosen} />
      ) : (
        !error && <p className="govuk-body">Loading the day…</p>
      )}
    </div>
  );
}

function CrewTable({
  day,
  runs,
  rota,
  onChoose,
}: {
  day: Day;
  runs: readonly {
    vehicleId: string;
    vehicleReference: string;
    from: string;
    to: string;
    stops: number;
    forOrganisation: string | null;
  }[];
  rota: NonNullable<ReturnType<typeof useCrewDay>["rota"]>;
  onChoose: (vehicle: { id: string; reference: string }) => void;
}) {
  if (runs.length === 0) {
    return <p className="govuk-body">No operating plan with runs is published for {day.date}.</p>;
  }
  return (
    <table className="govuk-table" data-testid="crew-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Runs of {day.date} ({runs.length})
      </caption>
      <TableHead labels={["Vehicle", "Planned", "Stops", "Driver", "Assistants", ""]} />
      <tbody className="govuk-table__body">
        {runs.map((run) => {
          const crew = crewOf(rota, run.vehicleId, day.staff);
          return (
            <tr
              className="govuk-table__row"
              key={`${run.forOrganisation ?? ""}:${run.vehicleId}`}
              data-vehicle-id={run.vehicleId}
            >
              <td className="govuk-table__cell">{runVehicleText(run)}</td>
              <td className="govuk-table__cell">
                {run.from} to {run.to}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{run.stops}</td>
              <td className="govuk-table__cell">
                {crew.driver ? namesOf([crew.driver], day.staff) : "None"}
              </td>
              <td className="govuk-table__cell">{namesOf(crew.assistants, day.staff)}</td>
              <td className="govuk-table__cell">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => {
                    onChoose({ id: run.vehicleId, reference: run.vehicleReference });
                    requestAnimationFrame(() => document.getElementById("crew-driver")?.focus());
                  }}
                >
                  Change
                  <span className="govuk-visually-hidden"> the crew of {run.vehicleReference}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
