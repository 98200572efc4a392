import type {
  BookBody,
  BookedView,
  BookingBody,
  BookingOptionsView,
  CancellationBody,
  CancelledView,
  PassengerStandingView,
} from "./routes/bookings";
import type {
  PartnerFundersView,
  PartnerPlacesView,
  PartnerTripsView,
} from "./routes/partner-desk";
import type { PartnerListView, SharedPassengerPageView } from "./routes/sharing";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);
const partner = (organisationId: string, path: string) =>
  `/api/partners/${at(organisationId)}${path}`;

/** The booking desk for partners' passengers, under booking agreements. */
export function partnerDeskClientMethods(call: Call) {
  return {
    /** The organisations sharing with yours today, and under which agreements. */
    listPartners: () => call<PartnerListView>("GET", "/api/partners"),
    /** A partner's passengers matching a name or reference, as a booking agreement shows them. */
    findPartnerPassengers: (organisationId: string, search: string, limit = 10) =>
      call<SharedPassengerPageView>(
        "GET",
        partner(
          organisationId,
          `/passengers?${new URLSearchParams({ purpose: "booking", search, limit: String(limit) }).toString()}`,
        ),
      ),
    findPartnerPlaces: (organisationId: string, search: string, limit = 10) =>
      call<PartnerPlacesView>(
        "GET",
        partner(
          organisationId,
          `/places?${new URLSearchParams({ search, limit: String(limit) }).toString()}`,
        ),
      ),
    partnerStanding: (organisationId: string, passengerId: string) =>
      call<PassengerStandingView>(
        "GET",
        partner(organisationId, `/passengers/${at(passengerId)}/standing`),
      ),
    partnerTrips: (organisationId: string, passengerId: string) =>
      call<PartnerTripsView>(
        "GET",
        partner(organisationId, `/passengers/${at(passengerId)}/trips`),
      ),
    partnerFunders: (organisationId: string) =>
      call<PartnerFundersView>("GET", partner(organisationId, "/funders")),
    partnerBookingOptions: (
      organisationId: string,
      body: BookingBody,
      options: { everyRun?: boolean } = {},
    ) =>
      call<BookingOptionsView>(
        "POST",
        partner(organisationId, `/bookings/options${options.everyRun ? "?everyRun=true" : ""}`),
        body,
      ),
    partnerBook: (organisationId: string, body: BookBody) =>
      call<BookedView>("POST", partner(organisationId, "/bookings"), body),
    partnerCancelTrip: (organisationId: string, tripRequestId: string, body: CancellationBody) =>
      call<CancelledView>(
        "POST",
        partner(organisationId, `/trip-requests/${at(tripRequestId)}/cancel`),
        body,
      ),
  };
}
