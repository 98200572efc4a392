import { useQuery } from "@tanstack/react-query";
import type { ResourceRecord } from "@tt/contract";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { describeNeeds } from "../register/register-views";
import { Link, useTitle } from "../router";
import { useSession } from "../session";
import { clock } from "./format";
import { byId, useAll } from "./use-all";

type Stop = NonNullable<Awaited<ReturnType<typeof api.getPlan>>["runs"][number]["stops"][number]>;
type Trip = ResourceRecord<"tripRequests">;
type Passenger = ResourceRecord<"passengers">;

const ACTIONS = { pickup: "Pick up", dropoff: "Drop off", break: "Driver's break" } as const;

function whereOf(
  stop: Stop,
  trip: Trip | undefined,
  passenger: Passenger | undefined,
  places: ReadonlyMap<string, ResourceRecord<"places">>,
): string {
  if (stop.kind === "break" || !trip) return "";
  const end = stop.kind === "pickup" ? trip.origin : trip.destination;
  if (end.kind === "place") return places.get(end.placeId)?.name ?? "a place";
  // The address a driver needs at a home stop; no date of birth, no other personal data.
  return ["Home", passenger?.homeAddress, passenger?.homePostcode].filter(Boolean).join(", ");
}

/** A run's manifest: each stop in order with who is picked up or dropped off and their needs. */
export function ManifestPage({ planId, runId }: { planId: string; runId: string }) {
  useTitle("Run manifest");
  const { user } = useSession();
  const readsDemand = ["admin", "commissioner", "assessor", "booking-agent"].includes(
    user?.role ?? "",
  );
  const plan = useQuery({ queryKey: ["plan", planId], queryFn: () => api.getPlan(planId) });
  const trips = byId(useAll("tripRequests", readsDemand).data);
  const passengers = byId(useAll("passengers", readsDemand).data);
  const places = byId(useAll("places").data);
  const vehicles = byId(useAll("vehicles", user?.role !== "driver").data);
  if (plan.error) return <ErrorSummary problems={problemsOf(plan.error)} />;
  if (!plan.data) return <p className="govuk-body">Loading the manifest…</p>;
  const run = plan.data.runs.find((r) => r.id === runId);
  if (!run) return <ErrorSummary problems={[{ text: `This plan has no run ${runId}.` }]} />;
  const vehicle = vehicles.get(run.vehicleId)?.reference ?? `vehicle ${run.vehicleId.slice(0, 8)}`;
  return (
    <div className="app-manifest">
      <p className="govuk-body app-no-print">
        <Link to={`/planning/plans/${planId}`}>Back to the plan</Link>
      </p>
      <span className="govuk-caption-l">
        {plan.data.name}, {plan.data.serviceDate}
      </span>
      <h1 className="govuk-heading-l">Manifest: {vehicle}</h1>
      <button type="button" className="govuk-button app-no-print" onClick={() => window.print()}>
        Print this manifest
      </button>
      <table className="govuk-table" data-testid="manifest">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {run.stops.length} stops, {clock(run.stops[0]?.start ?? 0)} to{" "}
          {clock(run.stops.at(-1)?.departure ?? 0)}
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
          {run.stops.map((stop) => {
            const trip = stop.tripRequestId ? trips.get(stop.tripRequestId) : undefined;
            const passenger = trip ? passengers.get(trip.passengerId) : undefined;
            const who = passenger
              ? `${passenger.givenName} ${passenger.familyName} (${passenger.reference})`
              : (trip?.reference ?? stop.tripRequestId?.slice(0, 8) ?? "");
            return (
              <tr
                className="govuk-table__row"
                key={`${stop.kind}-${stop.tripRequestId ?? stop.breakId}-${stop.start}`}
              >
                <td className="govuk-table__cell">{clock(stop.start)}</td>
                <td className="govuk-table__cell">{ACTIONS[stop.kind]}</td>
                <td className="govuk-table__cell">{stop.kind === "break" ? "" : who}</td>
                <td className="govuk-table__cell">{whereOf(stop, trip, passenger, places)}</td>
                <td className="govuk-table__cell">
                  {passenger && stop.kind === "pickup" ? describeNeeds(passenger.needs) : ""}
                  {trip && trip.escorts > 0 && stop.kind === "pickup"
                    ? `; ${trip.escorts} escort`
                    : ""}
                </td>
                <td className="govuk-table__cell">
                  {stop.load[0] ?? 0} seated, {stop.load[1] ?? 0} wheelchair
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
