import { type DriverStopView, NO_SHOW_REASON_CODES, NO_SHOW_REASONS } from "@tt/contract";
import { useState } from "react";
import { progressText } from "./driver-words";
import type { RunMark } from "./outbox";

type Progress = DriverStopView["progress"];
type Kind = RunMark["kind"];

const ACTION = { pickup: "Pick up", dropoff: "Drop off", break: "Break" } as const;

/** The buttons of a stop: arrived, then on board or no-show at a pick-up, dropped off at a drop-off. */
function Marks({
  stop,
  onMark,
}: {
  stop: DriverStopView;
  onMark: (kind: Kind, reason?: RunMark["reason"]) => void;
}) {
  const [noShow, setNoShow] = useState(false);
  const [reason, setReason] = useState<RunMark["reason"]>();
  const id = `no-show-${stop.position}`;
  if (noShow) {
    return (
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={id}>
          Why did nobody travel?
        </label>
        <select
          className="govuk-select"
          id={id}
          onChange={(e) =>
            setReason(NO_SHOW_REASON_CODES.find((code) => code === e.currentTarget.value))
          }
          defaultValue=""
        >
          <option value="">Choose a reason</option>
          {NO_SHOW_REASON_CODES.map((code) => (
            <option key={code} value={code}>
              {NO_SHOW_REASONS[code]}
            </option>
          ))}
        </select>
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            disabled={!reason}
            onClick={() => {
              onMark("no-show", reason);
              setNoShow(false);
            }}
          >
            Record the no-show
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setNoShow(false)}
          >
            Back
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-button-group">
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onMark("arrived")}
      >
        Arrived
      </button>
      {stop.kind === "pickup" ? (
        <>
          <button type="button" className="govuk-button" onClick={() => onMark("picked-up")}>
            On board
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={() => setNoShow(true)}
          >
            No-show
          </button>
        </>
      ) : (
        <button type="button" className="govuk-button" onClick={() => onMark("dropped-off")}>
          Dropped off
        </button>
      )}
    </div>
  );
}

/** One stop on the driver's phone: when, who, where, what matters, and its marks. */
export function DriverStop({
  stop,
  progress,
  onMark,
}: {
  stop: DriverStopView;
  progress: Progress;
  onMark: (kind: Kind, reason?: RunMark["reason"]) => void;
}) {
  const [correcting, setCorrecting] = useState(false);
  if (stop.kind === "break") {
    return (
      <li className="app-stop app-stop--break" data-testid="driver-stop">
        <p className="govuk-body govuk-!-margin-bottom-0">
          <strong>{stop.time}</strong> Driver's break
        </p>
      </li>
    );
  }
  const where = stop.place
    ? [stop.place.name, stop.place.address, stop.place.postcode].filter(Boolean).join(", ")
    : "";
  return (
    <li className="app-stop" data-testid="driver-stop" data-kind={stop.kind}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {stop.time} {ACTION[stop.kind]}: {stop.passenger ?? "passenger"}
      </h3>
      <p className="govuk-body govuk-!-margin-bottom-1">{where}</p>
      {stop.notes.length > 0 && (
        <p className="govuk-body govuk-!-margin-bottom-1">{stop.notes.join("; ")}</p>
      )}
      {stop.notWith.length > 0 && (
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
          Not to sit with: {stop.notWith.join(", ")}
        </p>
      )}
      <p className="govuk-body" data-testid="stop-progress">
        {progressText(progress)}
      </p>
      {progress?.outcome && !correcting ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setCorrecting(true)}
        >
          Correct this
        </button>
      ) : (
        <Marks
          stop={stop}
          onMark={(kind, reason) => {
            setCorrecting(false);
            onMark(kind, reason);
          }}
        />
      )}
    </li>
  );
}
