import { useQuery } from "@tanstack/react-query";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { useTitle } from "../components/use-title";

const ACTIONS = { pickup: "Pick up", dropoff: "Drop off", break: "Driver's break" } as const;
/** Recorded in the audit log: the manifest names passengers. */
const PURPOSE = "run manifest for the driver and passenger assistant";

/**
 * A run's manifest from the server's audited manifest route: each stop in order, who is picked up
 * or dropped off, where, and their needs in words — what a driver and assistant need, no more.
 */
export function ManifestPage({ planId, runId }: { planId: string; runId: string }) {
  useTitle("Run manifest");
  const plan = useQuery({ queryKey: ["plan", planId], queryFn: () => api.getPlan(planId) });
  const vehicleId = plan.data?.runs.find((r) => r.id === runId)?.vehicleId;
  const manifest = useQuery({
    queryKey: ["manifest", planId, vehicleId],
    queryFn: () => api.withPurpose(PURPOSE).getRunManifest(planId, vehicleId ?? ""),
    enabled: Boolean(vehicleId),
  });
  const error = plan.error ?? manifest.error;
  if (error) return <ErrorSummary problems={problemsOf(error)} />;
  if (plan.data && !vehicleId) {
    return <ErrorSummary problems={[{ text: `This plan has no run ${runId}.` }]} />;
  }
  if (!manifest.data) return <p className="govuk-body">Loading the manifest…</p>;
  const m = manifest.data;
  const first = m.stops[0];
  const last = m.stops.at(-1);
  return (
    <div className="app-manifest">
      <p className="govuk-body app-no-print">
        <Link to="/planning/plans/$planId" params={{ planId }}>
          Back to the plan
        </Link>
      </p>
      <span className="govuk-caption-l">
        {m.planName}, {m.serviceDate}
      </span>
      <h1 className="govuk-heading-l">Manifest: {m.vehicle.reference}</h1>
      <p className="govuk-body">
        {m.vehicle.kind.replaceAll("-", " ")}, {m.vehicle.layout.seats} seats and{" "}
        {m.vehicle.layout.wheelchairSpaces} wheelchair spaces
        {m.vehicle.passengerAssistant ? "; carries a passenger assistant" : ""}.
      </p>
      <button type="button" className="govuk-button app-no-print" onClick={() => window.print()}>
        Print this manifest
      </button>
      <table className="govuk-table" data-testid="manifest">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {m.stops.length} stops{first && last ? `, ${first.time} to ${last.time}` : ""}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {["Time", "Stop", "Passenger", "Where", "Needs", "On board after"].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {m.stops.map((stop) => (
            <tr className="govuk-table__row" key={stop.position}>
              <td className="govuk-table__cell">{stop.time}</td>
              <td className="govuk-table__cell">{ACTIONS[stop.kind]}</td>
              <td className="govuk-table__cell">
                {stop.passenger ? `${stop.passenger.name} (${stop.passenger.reference})` : ""}
              </td>
              <td className="govuk-table__cell">
                {stop.place
                  ? [stop.place.name, stop.place.address, stop.place.postcode]
                      .filter(Boolean)
                      .join(", ")
                  : ""}
              </td>
              <td className="govuk-table__cell">{stop.notes.join("; ")}</td>
              <td className="govuk-table__cell">
                {stop.onBoard.seats} seated, {stop.onBoard.wheelchairs} wheelchair
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
