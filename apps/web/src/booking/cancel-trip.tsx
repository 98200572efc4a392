import { useQuery } from "@tanstack/react-query";
import type { BookedView, CancelledView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { NotificationBanner } from "../components/notification-banner";
import { TextField } from "../components/text-field";
import {
  CANCEL_FIELDS,
  type Cancellation,
  cancelledFacts,
  knownTrip,
  offersIntro,
  REASON_CHOICES,
  readCancellation,
  returnLegText,
  type TripToCancel,
} from "./cancel-words";
import { withReference } from "./finder-words";
import type { DeskPartner } from "./partner-words";

type Offer = CancelledView["offers"][number];

/** The trip request: given by id, the trip just booked, or looked up by its exact reference. */
async function tripOf(
  text: string,
  booked: BookedView | undefined,
): Promise<TripToCancel | undefined> {
  const known = knownTrip(text, booked);
  if (known) return known;
  const found = await api.list("tripRequests", { search: text, limit: 10 });
  return withReference(found.items, text);
}

/**
 * A partner's trip: the one just booked for them, or one given by its id (the desk cannot search
 * a partner's trips by reference).
 */
async function cancelForPartner(
  wanted: Cancellation,
  booked: BookedView | undefined,
  partner: DeskPartner,
): Promise<{ trip: string; view: CancelledView } | { problems: Problem[] }> {
  const trip = knownTrip(wanted.trip, booked);
  if (!trip) {
    const text = `For ${partner.name}, give the trip just booked or the trip's id: its other trips cannot be looked up by reference here`;
    return { problems: [{ text, href: "#cancel-trip" }] };
  }
  return {
    trip: trip.reference,
    view: await api.partnerCancelTrip(partner.id, trip.id, wanted.body),
  };
}

/** A trip that could take the freed seat, by reference and vehicle once they are read. */
function OfferItem({ offer }: { offer: Offer }) {
  const trip = useQuery({
    queryKey: ["register", "tripRequests", offer.tripRequestId],
    queryFn: () => api.get("tripRequests", offer.tripRequestId),
  });
  const vehicle = useQuery({
    queryKey: ["register", "vehicles", offer.vehicleId],
    queryFn: () => api.get("vehicles", offer.vehicleId),
  });
  return (
    <li>
      {trip.data?.reference ?? offer.tripRequestId} on {vehicle.data?.reference ?? offer.vehicleId},
      pick-up at {offer.pickup}
    </li>
  );
}

/**
 * The cancellation; the plan and the freed seat's offers are the desk's own to open (`ours`). A
 * return journey still travelling that day is offered for cancelling too (`onCancelReturn`).
 */
function Cancelled({
  trip,
  view,
  ours,
  onCancelReturn,
}: {
  trip: string;
  view: CancelledView;
  ours: boolean;
  onCancelReturn: () => void;
}) {
  const { plan } = view;
  const back = returnLegText(view);
  return (
    <NotificationBanner id="cancelled-banner" message={`Trip ${trip} cancelled`}>
      <dl className="govuk-summary-list">
        {cancelledFacts(view).map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {plan && ours && (
        <p className="govuk-body">
          <Link to="/planning/plans/$planId" params={{ planId: plan.id }}>
            View revision {plan.revision} of the plan
          </Link>
        </p>
      )}
      <p className="govuk-body">{offersIntro(view)}</p>
      {ours && view.offers.length > 0 && (
        <ul className="govuk-list govuk-list--bullet" data-testid="freed-seat-offers">
          {view.offers.map((offer) => (
            <OfferItem key={offer.tripRequestId} offer={offer} />
          ))}
        </ul>
      )}
      {back && (
        <div data-testid="return-leg">
          <p className="govuk-body">{back}</p>
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            onClick={onCancelReturn}
          >
            Cancel the return journey too
          </button>
        </div>
      )}
    </NotificationBanner>
  );
}

/** Cancels the return journey of the trip just cancelled, on the same day for the same reason. */
async function cancelReturn(
  done: { view: CancelledView },
  partner: DeskPartner | undefined,
): Promise<{ trip: string; view: CancelledView } | { problems: Problem[] }> {
  const back = done.view.returnLeg;
  if (!back) return { problems: [] };
  const body = { date: done.view.cancellation.serviceDate, reason: done.view.cancellation.reason };
  try {
    const view = partner
      ? await api.partnerCancelTrip(partner.id, back.tripRequestId, body)
      : await api.cancelTrip(back.tripRequestId, body);
    return { trip: back.reference, view };
  } catch (error) {
    return { problems: problemsOf(error, CANCEL_FIELDS) };
  }
}

/** Sends the cancellation; answers what to show: the result, or the problems. */
async function cancel(
  wanted: Cancellation,
  booked: BookedView | undefined,
  partner: DeskPartner | undefined,
): Promise<{ trip: string; view: CancelledView } | { problems: Problem[] }> {
  try {
    if (partner) return await cancelForPartner(wanted, booked, partner);
    const trip = await tripOf(wanted.trip, booked);
    if (!trip) {
      return {
        problems: [{ text: `No trip has the reference ${wanted.trip}`, href: "#cancel-trip" }],
      };
    }
    return { trip: trip.reference, view: await api.cancelTrip(trip.id, wanted.body) };
  } catch (error) {
    return { problems: problemsOf(error, CANCEL_FIELDS) };
  }
}

/**
 * Cancels a trip for a day with a reason from the list: a one-off trip is cancelled, a recurring
 * one misses that day. The trip just booked is filled in.
 */
export function CancelTrip({
  booked,
  date,
  partner,
}: {
  booked: BookedView | undefined;
  date: string;
  /** Cancelling for a partner: the trip just booked for them, or one given by its id. */
  partner?: DeskPartner | undefined;
}) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<{ trip: string; view: CancelledView }>();
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readCancellation({
      trip: String(form.get("cancel-trip") ?? ""),
      date: dateFromParts(form, "cancel-date"),
      reason: String(form.get("cancel-reason") ?? ""),
    });
    setDone(undefined);
    if (!read.ok) return setProblems(read.problems);
    setBusy(true);
    const outcome = await cancel(read.value, booked, partner);
    setBusy(false);
    setProblems("problems" in outcome ? outcome.problems : []);
    if ("view" in outcome) setDone(outcome);
  };
  const onCancelReturn = async () => {
    if (!done) return;
    setBusy(true);
    const outcome = await cancelReturn(done, partner);
    setBusy(false);
    setProblems("problems" in outcome ? outcome.problems : []);
    if ("view" in outcome) setDone(outcome);
  };
  return (
    <section aria-labelledby="cancel-heading">
      <h2 className="govuk-heading-m" id="cancel-heading">
        Cancel a trip
      </h2>
      <ErrorSummary problems={problems} />
      {done && (
        <Cancelled
          key={done.view.cancellation.id}
          trip={done.trip}
          view={done.view}
          ours={!partner}
          onCancelReturn={() => void onCancelReturn()}
        />
      )}
      <form onSubmit={submit} noValidate data-testid="cancel-form">
        <TextField
          id="cancel-trip"
          label="Trip reference or id"
          hint="For example, BK-20261124-1A2B3C4D"
          width="30"
          autoComplete="off"
          defaultValue={booked?.reference ?? ""}
          error={errorOf("cancel-trip")}
        />
        <DateField
          frame={{
            id: "cancel-date",
            label: "Date to cancel",
            hint: "For example, 24 11 2026",
            error: errorOf("cancel-date"),
          }}
          value={date}
        />
        <ChoiceField
          frame={{
            id: "cancel-reason",
            label: "Why is it cancelled?",
            error: errorOf("cancel-reason"),
          }}
          type="radio"
          choices={REASON_CHOICES}
          checked={[]}
        />
        <button type="submit" className="govuk-button govuk-button--warning" disabled={busy}>
          Cancel the trip
        </button>
      </form>
    </section>
  );
}
