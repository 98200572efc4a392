import type {
  BookBody,
  BookedView,
  BookingBody,
  BookingOptionsView,
  CancellationBody,
  CancellationSummaryView,
  CancelledView,
  PassengerStandingView,
  PlanRevisionEntryView,
} from "./routes";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** The booking desk: options for a trip, booking one, cancelling a trip, a plan's revisions. */
export function bookingClientMethods(call: Call) {
  return {
    /**
     * Up to three places for the trip in the day's operating plan, cheapest first, and the
     * passenger's entitlement. `everyRun` tries every vehicle, however far (slower).
     */
    /** The passenger's entitlement under each regime, as the desk may see it. */
    passengerStanding: (passengerId: string) =>
      call<PassengerStandingView>(
        "GET",
        `/api/bookings/passengers/${encodeURIComponent(passengerId)}/standing`,
      ),
    bookingOptions: (body: BookingBody, options: { everyRun?: boolean } = {}) =>
      call<BookingOptionsView>(
        "POST",
        `/api/bookings/options${options.everyRun ? "?everyRun=true" : ""}`,
        body,
      ),
    /** Books the trip on the vehicle chosen; `ApiError` 409 when it cannot be booked now. */
    book: (body: BookBody) => call<BookedView>("POST", "/api/bookings", body),
    /** Cancels the trip for a day, with a reason from the list. */
    cancelTrip: (tripRequestId: string, body: CancellationBody) =>
      call<CancelledView>("POST", `/api/trip-requests/${at(tripRequestId)}/cancel`, body),
    /** Trips cancelled from one day to another, counted by reason. */
    cancellations: (from: string, to: string) =>
      call<CancellationSummaryView>(
        "GET",
        `/api/cancellations?${new URLSearchParams({ from, to }).toString()}`,
      ),
    /** The plan's revisions, newest first: who changed it, when, why and which runs. */
    planRevisions: (planId: string) =>
      call<{ items: PlanRevisionEntryView[] }>("GET", `/api/plans/${at(planId)}/revisions`),
  };
}
