import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiUser, DriverRunView } from "@tt/contract";
import { useCallback, useMemo } from "react";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { useTitle } from "../components/use-title";
import { DriverStop } from "./driver-stop";
import {
  localProgress,
  newMarkId,
  outboxText,
  progressOnPhone,
  todayOnPhone,
  withheldText,
} from "./driver-words";
import { dayOnPhone, type RunMark } from "./outbox";
import { useOutbox } from "./use-outbox";

const clockOf = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** Recorded in the audit log with every open of the driver's runs. */
const PURPOSE = "driver's app: the runs I crew today";

function Run({
  run,
  local,
  onMark,
}: {
  run: DriverRunView;
  local: ReturnType<typeof localProgress>;
  onMark: (
    mark: Omit<RunMark, "id" | "at" | "serviceDate" | "vehicleId">,
    run: DriverRunView,
  ) => void;
}) {
  return (
    <section className="app-driver-run" data-testid="driver-run">
      <h2 className="govuk-heading-m">
        {run.vehicle.reference}
        <span className="govuk-caption-m">
          {run.stops.length} stops{run.passengerAssistant ? ", with a passenger assistant" : ""}
          {run.forOrganisation ? `, for ${run.forOrganisation}` : ""}
        </span>
      </h2>
      <ol className="app-stops">
        {run.stops.map((stop) => (
          <DriverStop
            key={stop.position}
            stop={stop}
            progress={progressOnPhone(stop, local)}
            onMark={(kind, reason) => {
              if (stop.kind === "break" || !stop.tripRequestId) return;
              const base = { tripRequestId: stop.tripRequestId, stop: stop.kind, kind };
              onMark(reason ? { ...base, reason } : base, run);
            }}
          />
        ))}
      </ol>
    </section>
  );
}

/**
 * The driver's and assistant's phone: the runs they crew on the day, stop by stop, with a button
 * for each mark. Marks are kept on the phone first and sent when there is signal.
 */
export function DriverPage({ user, date }: { user: ApiUser; date: string | undefined }) {
  useTitle("Your runs");
  const day = date ?? todayOnPhone();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["driver-day", day],
    queryFn: () => dayOnPhone(`${user.id}:${day}`, () => api.withPurpose(PURPOSE).driverDay(day)),
    networkMode: "always",
  });
  const data = query.data?.day;
  const refresh = useCallback(
    () => void client.invalidateQueries({ queryKey: ["driver-day", day] }),
    [client, day],
  );
  const { state, mark } = useOutbox(refresh);
  const local = useMemo(() => localProgress(state.marks), [state.marks]);
  const onMark = (
    m: Omit<RunMark, "id" | "at" | "serviceDate" | "vehicleId">,
    run: DriverRunView,
  ) =>
    void mark({
      ...m,
      id: newMarkId(),
      serviceDate: run.serviceDate,
      vehicleId: run.vehicle.id,
      at: new Date().toISOString(),
    });
  return (
    <div className="app-driver">
      <span className="govuk-caption-l">{day}</span>
      <h1 className="govuk-heading-l">Your runs</h1>
      <p
        className={`govuk-body app-outbox${state.offline ? " app-outbox--offline" : ""}`}
        data-testid="outbox-status"
        aria-live="polite"
      >
        {outboxText(state.waiting, state.offline)}
      </p>
      {state.refused.length > 0 && (
        <ErrorSummary
          problems={state.refused.map((r) => ({ text: `A mark was not recorded: ${r.message}` }))}
        />
      )}
      {query.error ? <ErrorSummary problems={problemsOf(query.error)} /> : null}
      {!data && !query.error && <p className="govuk-body">Loading your runs…</p>}
      {query.data?.loadedAt && (
        <p className="govuk-body" data-testid="kept-day">
          Shown as loaded at {clockOf(query.data.loadedAt)}: changes since then reach this phone
          when it has signal.
        </p>
      )}
      {data && !data.published && (
        <p className="govuk-body">The plan for {day} is not published yet.</p>
      )}
      {data?.published && data.runs.length === 0 && (
        <p className="govuk-body">You crew no run on {day}.</p>
      )}
      {/* A day kept on the phone before runs could be withheld has no list. */}
      {(data?.withheld ?? []).map((w) => (
        <div className="govuk-warning-text" key={w.organisationId} data-testid="withheld-runs">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {withheldText(w)}
          </strong>
        </div>
      ))}
      {data?.runs.map((run) => (
        <Run key={`${run.planId}:${run.vehicle.id}`} run={run} local={local} onMark={onMark} />
      ))}
    </div>
  );
}
