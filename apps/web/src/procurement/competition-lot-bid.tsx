import type { BidPresented, CompetitionPresented } from "@tt/contract";
import type { FormEvent } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { TextField } from "../components/text-field";
import { type OwnVehicle, Warning } from "./competition-bids";
import { bidFieldIds, deadlineInWords, readBid, sealedNote } from "./competition-words";
import { fieldIdsFor, linkConflict, poundsOf } from "./contract-words";
import { errorIn, type Outcome } from "./form-outcome";

type Lot = CompetitionPresented["lots"][number];

/** A fleet bigger than this is listed in a GOV.UK details, open only while it has an error. */
const FEW_VEHICLES = 12;

/** The operator's own vehicles (or people) to offer, by reference, as checkboxes. */
function OfferChoice({
  frame,
  what,
  items,
  checked,
}: {
  frame: { id: string; label: string; hint: string; error: string | undefined };
  what: string;
  items: readonly OwnVehicle[];
  checked: readonly string[];
}) {
  const choice = (
    <ChoiceField
      frame={frame}
      type="checkbox"
      choices={items.map((v) => ({ value: v.id, text: v.label }))}
      checked={checked}
    />
  );
  if (items.length <= FEW_VEHICLES) return choice;
  return (
    <details className="govuk-details" open={frame.error ? true : undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Choose from your {items.length} {what}
        </span>
      </summary>
      <div className="govuk-details__text">{choice}</div>
    </details>
  );
}

/** The operator's bid for one lot: what it bid (unfit reasons as a warning), and its form. */
export function LotBid({
  competition,
  lot,
  bid,
  vehicles,
  staff,
  problems,
  onOutcome,
}: {
  competition: CompetitionPresented;
  lot: Lot;
  bid: BidPresented | undefined;
  vehicles: readonly OwnVehicle[] | undefined;
  /** The operator's drivers and passenger assistants. */
  staff: readonly OwnVehicle[] | undefined;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const ids = bidFieldIds(lot.id);
  const reference = new Map((vehicles ?? []).map((v) => [v.id, v.reference]));
  const place = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readBid(lot.id, {
      price: String(form.get(ids.pricePence) ?? ""),
      vehicleIds: form.getAll(ids.vehicleIds).map(String),
      staffIds: form.getAll(ids.staffIds).map(String),
    });
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      const placed = await api.placeBid(competition.id, read.body);
      onOutcome({
        message: `Bid for ${lot.name} placed: ${poundsOf(placed.pricePence)} a day. ${sealedNote(competition.deadline)}`,
        warning:
          placed.unfit.length > 0
            ? {
                text: "The engine found the vehicles offered cannot serve all of the lot: the buyer ranks the bid after every bid that can. Offer other vehicles and bid again before the deadline.",
                reasons: placed.unfit,
              }
            : undefined,
      });
    } catch (error) {
      const found = problemsOf(error, fieldIdsFor(error, ids));
      onOutcome({ problems: linkConflict(error, found, ids.pricePence) });
    }
  };
  return (
    <div data-testid="lot-bid">
      {bid ? (
        <>
          <p className="govuk-body" data-testid="my-bid">
            Your bid: <strong>{poundsOf(bid.pricePence)} a day</strong>, with{" "}
            {bid.vehicleIds.map((v) => reference.get(v) ?? "a vehicle").join(", ")} (placed{" "}
            {deadlineInWords(bid.submittedAt)}).
          </p>
          {bid.unfit.length > 0 && (
            <Warning
              text="The engine found the vehicles offered cannot serve all of the lot: the buyer ranks this bid after every bid that can."
              reasons={bid.unfit}
              testId="my-bid-unfit"
            />
          )}
          {!competition.open && <p className="govuk-body">{sealedNote(competition.deadline)}</p>}
        </>
      ) : (
        <p className="govuk-body">You have not bid for this lot.</p>
      )}
      {competition.open ? (
        <p className="govuk-body">Bidding closed at {deadlineInWords(competition.deadline)}.</p>
      ) : (
        <form onSubmit={(e) => void place(e)} noValidate data-testid="bid-form">
          <TextField
            id={ids.pricePence}
            label={`Your price for a day of ${lot.name}, in pounds`}
            hint="For example 185 or 185.50."
            error={errorIn(problems, ids.pricePence)}
            defaultValue={bid ? String(bid.pricePence / 100) : ""}
            inputMode="decimal"
            width="5"
          />
          {staff && staff.length > 0 && (
            <OfferChoice
              frame={{
                id: ids.staffIds,
                label: "Drivers and passenger assistants you offer (optional)",
                hint: "Their DBS checks and driving licences must hold from the contract's start for the award.",
                error: errorIn(problems, ids.staffIds),
              }}
              what="people"
              items={staff}
              checked={bid?.staffIds ?? []}
            />
          )}
          {vehicles && vehicles.length > 0 ? (
            <OfferChoice
              frame={{
                id: ids.vehicleIds,
                label: "Vehicles you offer",
                hint: "Up to 20. The engine checks they can carry every run of the lot.",
                error: errorIn(problems, ids.vehicleIds),
              }}
              what="vehicles"
              items={vehicles}
              checked={bid?.vehicleIds ?? []}
            />
          ) : (
            <p className="govuk-body">
              {vehicles ? "Your organisation has no vehicles recorded." : "Loading your vehicles…"}
            </p>
          )}
          <button type="submit" className="govuk-button">
            {bid ? "Replace the bid" : "Place the bid"}
            <span className="govuk-visually-hidden"> for {lot.name}</span>
          </button>
        </form>
      )}
    </div>
  );
}
