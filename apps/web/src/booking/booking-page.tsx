import type { BookedView } from "@tt/contract";
import { useState } from "react";
import { api } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { NotificationBanner } from "../components/notification-banner";
import { useTitle } from "../components/use-title";
import { BookFor } from "./book-for";
import { BookingOptions } from "./booking-options";
import { readBooking, todayIso } from "./booking-words";
import { CancelTrip } from "./cancel-trip";
import { CancellationCounts } from "./cancellation-counts";
import type { Found } from "./finder-words";
import { bookedDetails } from "./option-words";
import { type DeskPartner, foundPartnerPassengers, partnerPlanText } from "./partner-words";
import { PassengerMessages } from "./passenger-messages";
import { PassengerStanding } from "./passenger-standing";
import { RecordFinder } from "./record-finder";
import { type TripAnswers, TripForm } from "./trip-form";
import { useBookingDesk } from "./use-booking-desk";

const TITLE = "Booking desk";

async function findPassengers(text: string, partner?: DeskPartner): Promise<Found[]> {
  if (partner) return foundPartnerPassengers(await api.findPartnerPassengers(partner.id, text));
  const page = await api.list("passengers", { search: text, limit: 10 });
  return page.items.map((p) => ({
    id: p.id,
    reference: p.reference,
    name: `${p.givenName} ${p.familyName}`,
  }));
}

async function findPlaces(text: string, partner?: DeskPartner): Promise<Found[]> {
  const page = partner
    ? await api.findPartnerPlaces(partner.id, text)
    : await api.list("places", { search: text, limit: 10 });
  return page.items.map((p) => ({ id: p.id, reference: p.reference, name: p.name }));
}

function Booked({ booked, partner }: { booked: BookedView; partner: DeskPartner | undefined }) {
  return (
    <NotificationBanner id="booked-banner" message={`Booked: ${booked.reference}`}>
      <p className="govuk-body">{bookedDetails(booked)}</p>
      {partner ? (
        <p className="govuk-body" data-testid="booked-partner-plan">
          {partnerPlanText(partner, booked.revision)}
        </p>
      ) : (
        <p className="govuk-body">
          <Link
            to="/planning/plans/$planId"
            params={{ planId: booked.planId }}
            data-testid="booked-plan"
          >
            View revision {booked.revision} of the plan
          </Link>
        </p>
      )}
    </NotificationBanner>
  );
}

/** After a refused booking: the options as things stand now. */
function FindAgain({ onClick, busy }: { onClick: () => void; busy: boolean }) {
  return (
    <div data-testid="booking-refused">
      <p className="govuk-body">
        The trip was not booked. The day's plan may have changed since the options were found.
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-testid="find-again"
        disabled={busy}
        onClick={onClick}
      >
        Find options again
      </button>
    </div>
  );
}

/**
 * The booking desk, for booking agents and commissioners: find the passenger and the place, ask
 * where a one-off trip fits in the day's operating plan, book one of the options as the plan's
 * next revision, and cancel a trip for a day with a reason.
 */
export function BookingPage() {
  const [passenger, setPassenger] = useState<Found>();
  const [place, setPlace] = useState<Found>();
  const [partner, setPartner] = useState<DeskPartner>();
  const desk = useBookingDesk(partner);
  const bookFor = (chosen: DeskPartner | undefined) => {
    setPartner(chosen);
    setPassenger(undefined);
    setPlace(undefined);
    desk.reset();
  };
  useTitle(desk.problems.length > 0 ? `Error: ${TITLE}` : TITLE);
  const errorOf = (id: string) => desk.problems.find((p) => p.href === `#${id}`)?.text;
  const onFind = (answers: TripAnswers) => {
    const read = readBooking({ ...answers, passengerId: passenger?.id, placeId: place?.id });
    if (read.ok) void desk.find(read.value);
    else desk.reject(read.problems);
  };
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary problems={desk.problems} />
          {desk.booked && (
            <Booked key={desk.booked.tripRequestId} booked={desk.booked} partner={partner} />
          )}
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <p className="govuk-body">
            Book a trip, once or every week, into the day's published plan, on the vehicle that
            suits it best.
          </p>
          <BookFor partner={partner} onChoose={bookFor} />
          <RecordFinder
            key={`passenger-${partner?.id ?? ""}`}
            id="passenger-search"
            label="Passenger"
            hint="Their reference or name, for example SEND-0001"
            noun="passenger"
            find={(text) => findPassengers(text, partner)}
            chosen={passenger}
            onChoose={setPassenger}
            error={errorOf("passenger-search")}
          />
          {passenger && (
            <PassengerStanding
              key={`${partner?.id ?? ""}-${passenger.id}`}
              passenger={passenger}
              partner={partner?.id}
            />
          )}
          <RecordFinder
            key={`place-${partner?.id ?? ""}`}
            id="place-search"
            label="Place"
            hint="Where the passenger goes to or comes from: its reference, name or postcode"
            noun="place"
            find={(text) => findPlaces(text, partner)}
            chosen={place}
            onChoose={setPlace}
            error={errorOf("place-search")}
          />
          <TripForm
            key={partner?.id ?? ""}
            errorOf={errorOf}
            onFind={onFind}
            busy={desk.busy}
            partner={partner?.id}
          />
          {desk.refused && desk.findAgain && (
            <FindAgain onClick={desk.findAgain} busy={desk.busy} />
          )}
        </div>
      </div>
      {desk.found && (
        <BookingOptions
          view={desk.found}
          onBook={(vehicleId) => void desk.book(vehicleId)}
          onEveryRun={desk.findEveryRun}
          busy={desk.busy}
        />
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CancelTrip
            key={`${partner?.id ?? ""}-${desk.lastBooked?.reference ?? ""}`}
            booked={desk.lastBooked}
            date={desk.date ?? todayIso()}
            partner={partner}
          />
          <CancellationCounts date={desk.date ?? todayIso()} />
          {passenger && !partner && <PassengerMessages key={passenger.id} passenger={passenger} />}
        </div>
      </div>
    </>
  );
}
