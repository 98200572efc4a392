import { useQuery } from "@tanstack/react-query";
import { type CommissionPresented, MAX_PAGE_SIZE } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { fieldIdsFor } from "../procurement/contract-words";
import { errorIn, type Outcome } from "../procurement/form-outcome";
import {
  DISPUTE_FIELD_IDS,
  JOURNEY_FIELD_IDS,
  OFFER_FIELD_IDS,
  readJourney,
  readOffer,
} from "./commission-words";

/** The query key of every commission list and reconciliation, refreshed after each change. */
export const COMMISSIONS_KEY = ["commissions"];

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The plan's trips, labelled by the buyer's references: those it left unplaced first. */
function usePlanTrips(planId: string) {
  const plan = useQuery({
    queryKey: ["plans", planId],
    queryFn: () => api.getPlan(planId),
    enabled: planId !== "",
  });
  const trips = useQuery({
    queryKey: ["register", "tripRequests", "commissions"],
    queryFn: () => api.list("tripRequests", { limit: MAX_PAGE_SIZE }),
    enabled: planId !== "",
  });
  const names = new Map(
    (trips.data?.items ?? []).map((t) => [
      t.id,
      `${t.reference} (${t.purpose.replaceAll("-", " ")})`,
    ]),
  );
  const unplaced = (plan.data?.unassigned ?? []).map((u) => u.tripRequestId);
  const placed = (plan.data?.runs ?? []).flatMap((r) =>
    r.stops.flatMap((s) => (s.kind === "pickup" ? [s.tripRequestId] : [])),
  );
  return [...new Set([...unplaced, ...placed])].map((id) => ({
    value: id,
    text: `${names.get(id) ?? id}${unplaced.includes(id) ? ", not placed by the plan" : ""}`,
  }));
}

/** The buyer's form to offer some of a plan's trips to a community transport group. */
export function OfferForm({
  problems,
  onOutcome,
}: {
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const [planId, setPlanId] = useState("");
  const plans = useQuery({
    queryKey: ["plans", "list"],
    queryFn: () => api.listPlans({ limit: 50 }),
  });
  const groups = useQuery({
    queryKey: [...COMMISSIONS_KEY, "groups"],
    queryFn: () => api.dpsApplications("received", "admitted"),
  });
  const trips = usePlanTrips(planId);
  const id = OFFER_FIELD_IDS;
  const offer = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readOffer({
      planId: text(form, id.planId),
      groupId: text(form, id.groupId),
      tripRequestIds: form.getAll(id.tripRequestIds).map(String),
      deadlineDay: dateFromParts(form, id.deadline),
      deadlineTime: text(form, "offer-deadline-time"),
    });
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      const made = await api.offerCommissions(read.body);
      onOutcome({ message: `${made.length} trip${made.length === 1 ? "" : "s"} offered.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error, fieldIdsFor(error, id)) });
    }
  };
  const planChoices = (plans.data?.items ?? []).map((p) => ({
    value: p.id,
    text: `${p.name} (${p.serviceDate})`,
  }));
  const groupChoices = (groups.data ?? []).map((a) => ({
    value: a.operatorId,
    text: a.operatorName,
  }));
  return (
    <form onSubmit={(e) => void offer(e)} noValidate data-testid="offer-form">
      <h2 className="govuk-heading-m">Offer trips to a group</h2>
      <p className="govuk-body">
        The group sees each trip's pick-up, drop-off, time and needs under a reference, never the
        passenger's name. Trips its permit does not carry are refused.
      </p>
      <SelectField
        frame={{ id: id.planId, label: "Plan", error: errorIn(problems, id.planId) }}
        choices={planChoices}
        blank={plans.data ? "Choose a plan" : "Loading the plans…"}
        onChange={setPlanId}
      />
      <SelectField
        frame={{
          id: id.groupId,
          label: "Community transport group",
          hint: "Groups admitted to your purchasing system.",
          error: errorIn(problems, id.groupId),
        }}
        choices={groupChoices}
        blank={groups.data ? "Choose a group" : "Loading the groups…"}
      />
      {trips.length > 0 ? (
        <ChoiceField
          key={planId}
          frame={{
            id: id.tripRequestIds,
            label: "Trips to offer",
            error: errorIn(problems, id.tripRequestIds),
          }}
          type="checkbox"
          choices={trips}
          checked={[]}
        />
      ) : (
        <p className="govuk-body" id={id.tripRequestIds}>
          {planId ? "Loading the plan's trips…" : "Choose a plan to see its trips."}
        </p>
      )}
      <DateField
        frame={{ id: id.deadline, label: "Answer by (day)", error: errorIn(problems, id.deadline) }}
        value=""
      />
      <TextField id="offer-deadline-time" label="Answer by (time, HH:MM)" width="5" />
      <button type="submit" className="govuk-button">
        Offer the trips
      </button>
    </form>
  );
}

/** The group's form to record a journey done: day, miles, driver and (if named) the car. */
export function JourneyForm({
  commission,
  problems,
  onOutcome,
  chooses,
}: {
  commission: CommissionPresented;
  problems: readonly Problem[];
  onOutcome: Outcome;
  /** Whether the user picks the driver and the car (operators); a driver records as themselves. */
  chooses: { readonly driver: boolean; readonly vehicle: boolean };
}) {
  const staff = useQuery({
    queryKey: ["register", "staff", "journeys"],
    queryFn: () => api.list("staff", { limit: MAX_PAGE_SIZE }),
    enabled: chooses.driver,
  });
  const vehicles = useQuery({
    queryKey: ["register", "vehicles", "journeys"],
    queryFn: () => api.list("vehicles", { limit: MAX_PAGE_SIZE }),
    enabled: chooses.vehicle,
  });
  const id = JOURNEY_FIELD_IDS;
  const record = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readJourney({
      date: dateFromParts(form, id.date),
      miles: text(form, id.miles),
      driverStaffId: chooses.driver ? text(form, id.driverStaffId) : undefined,
      vehicleId: text(form, id.vehicleId),
    });
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      await api.recordJourney(commission.id, read.body);
      onOutcome({ message: `Journey ${commission.trip.reference} on ${read.body.date} recorded.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error, fieldIdsFor(error, id)) });
    }
  };
  const drivers = (staff.data?.items ?? [])
    .filter((s) => s.role === "driver")
    .map((s) => ({ value: s.id, text: `${s.name} (${s.reference})` }));
  const cars = (vehicles.data?.items ?? []).map((v) => ({ value: v.id, text: v.reference }));
  return (
    <form onSubmit={(e) => void record(e)} noValidate data-testid="journey-form">
      <h2 className="govuk-heading-m">Record the journey for {commission.trip.reference}</h2>
      <DateField
        frame={{ id: id.date, label: "Day of the journey", error: errorIn(problems, id.date) }}
        value={commission.date}
      />
      <TextField
        id={id.miles}
        label="Miles driven"
        hint="To a tenth of a mile, for example 12.3."
        error={errorIn(problems, id.miles)}
        inputMode="decimal"
        width="5"
      />
      {chooses.driver && (
        <SelectField
          frame={{
            id: id.driverStaffId,
            label: "Driver",
            error: errorIn(problems, id.driverStaffId),
          }}
          choices={drivers}
          blank="Choose the driver"
        />
      )}
      {chooses.vehicle && (
        <SelectField
          frame={{
            id: id.vehicleId,
            label: "Vehicle (optional)",
            error: errorIn(problems, id.vehicleId),
          }}
          choices={cars}
          blank="Not named"
        />
      )}
      <button type="submit" className="govuk-button">
        Record the journey
      </button>
    </form>
  );
}

/** The buyer's form to dispute a commission (its payment is held back). */
export function DisputeForm({
  commission,
  problems,
  onOutcome,
}: {
  commission: CommissionPresented;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const id = DISPUTE_FIELD_IDS;
  const dispute = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = text(new FormData(event.currentTarget), id.reason);
    if (!reason)
      return onOutcome({ problems: [{ text: "Say what is disputed", href: `#${id.reason}` }] });
    try {
      await api.disputeCommission(commission.id, reason);
      onOutcome({
        message: `Journey ${commission.trip.reference} disputed: its payment is held back.`,
      });
    } catch (error) {
      onOutcome({ problems: problemsOf(error, fieldIdsFor(error, id)) });
    }
  };
  return (
    <form onSubmit={(e) => void dispute(e)} noValidate data-testid="dispute-form">
      <h2 className="govuk-heading-m">Dispute {commission.trip.reference}</h2>
      <TextField
        id={id.reason}
        label="What is disputed"
        error={errorIn(problems, id.reason)}
        width="30"
      />
      <button type="submit" className="govuk-button govuk-button--warning">
        Dispute
      </button>
    </form>
  );
}
