import { useQuery } from "@tanstack/react-query";
import { api, problemsOf } from "../api";
import { todayIso } from "./booking-words";
import type { Found } from "./finder-words";
import { standingText, tripLine, upcomingTrips } from "./standing-words";

/** Trips of one passenger read for the list: a year of bookings and more. */
const TRIPS_READ = 200;

/**
 * Beside the passenger chosen: their standing under each regime (no reasons: those can quote
 * health facts) and the trips they still have to travel, so the agent sees a clash or a lapsed
 * decision before booking.
 */
export function PassengerStanding({
  passenger,
  partner,
}: {
  passenger: Found;
  /** A partner's passenger: read through the partner's booking agreement. */
  partner?: string | undefined;
}) {
  const standing = useQuery({
    queryKey: ["standing", partner ?? "", passenger.id],
    queryFn: () =>
      partner ? api.partnerStanding(partner, passenger.id) : api.passengerStanding(passenger.id),
  });
  const trips = useQuery({
    queryKey: ["register", "tripRequests", "passenger", partner ?? "", passenger.id],
    queryFn: () =>
      partner
        ? api.partnerTrips(partner, passenger.id)
        : api.list("tripRequests", { passengerId: passenger.id, limit: TRIPS_READ }),
  });
  const error = standing.error ?? trips.error;
  const upcoming = upcomingTrips(trips.data?.items ?? [], todayIso());
  return (
    <section aria-labelledby="standing-heading" data-testid="passenger-standing">
      <h2 className="govuk-heading-s" id="standing-heading">
        {passenger.name}: entitlement and trips to come
      </h2>
      {error && <p className="govuk-error-message">{problemsOf(error)[0]?.text}</p>}
      {standing.data && (
        <ul className="govuk-list govuk-list--bullet">
          {standing.data.items.length === 0 ? (
            <li>No entitlement decision on file: trips funded under a regime need one.</li>
          ) : (
            standing.data.items.map((s) => <li key={s.regime}>{standingText(s)}</li>)
          )}
        </ul>
      )}
      {trips.data && (
        <ul className="govuk-list" data-testid="upcoming-trips">
          {upcoming.length === 0 ? (
            <li>No trips to come.</li>
          ) : (
            upcoming.map((t) => <li key={t.id}>{tripLine(t)}</li>)
          )}
        </ul>
      )}
    </section>
  );
}
