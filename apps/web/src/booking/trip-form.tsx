import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { api, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import {
  type BookingDraft,
  DIRECTION_CHOICES,
  PURPOSE_CHOICES,
  TIMING_CHOICES,
  todayIso,
} from "./booking-words";
import { RepeatFields, repeatAnswers } from "./repeat-fields";

/** The trip's answers in the form; the passenger and the place come from the finders. */
export type TripAnswers = Omit<BookingDraft, "passengerId" | "placeId">;

function answersOf(form: FormData): TripAnswers {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    funderId: text("funder"),
    purpose: text("purpose"),
    direction: text("direction"),
    timing: text("timing"),
    date: dateFromParts(form, "date"),
    time: text("time"),
    window: text("window"),
    repeat: repeatAnswers(form),
  };
}

/** Who funds the trip: the organisation's funders, or the partner's when booking for one. */
function FunderField({ error, partner }: { error: string | undefined; partner?: string }) {
  const funders = useQuery({
    queryKey: ["register", "funders", "booking", partner ?? ""],
    queryFn: async (): Promise<{ items: { id: string; name: string }[] }> =>
      partner ? api.partnerFunders(partner) : api.list("funders", { limit: 100 }),
  });
  const frame = {
    id: "funder",
    label: "Funder",
    error: error ?? (funders.error ? problemsOf(funders.error)[0]?.text : undefined),
  };
  const choices = (funders.data?.items ?? []).map((f) => ({ value: f.id, text: f.name }));
  const only = choices.length === 1 ? choices[0]?.value : undefined;
  return (
    <SelectField
      key={choices.length}
      frame={frame}
      choices={choices}
      defaultValue={only ?? ""}
      blank={funders.data ? "Choose a funder" : "Loading the funders…"}
    />
  );
}

/**
 * When and why the passenger travels, to or from the place chosen. The answers stay in the form
 * after a search or a refused booking, so the agent can change one and search again.
 */
export function TripForm({
  errorOf,
  onFind,
  busy,
  partner,
}: {
  errorOf: (id: string) => string | undefined;
  onFind: (answers: TripAnswers) => void;
  busy: boolean;
  /** The partner whose passenger the trip is for (its funders are offered). */
  partner?: string | undefined;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFind(answersOf(new FormData(event.currentTarget)));
  };
  return (
    <form onSubmit={submit} noValidate data-testid="trip-form">
      <FunderField
        key={partner ?? ""}
        error={errorOf("funder")}
        {...(partner ? { partner } : {})}
      />
      <SelectField
        frame={{ id: "purpose", label: "Purpose of the trip", error: errorOf("purpose") }}
        choices={PURPOSE_CHOICES}
        defaultValue=""
        blank="Choose a purpose"
      />
      <ChoiceField
        frame={{ id: "direction", label: "Which way is the trip?", error: errorOf("direction") }}
        type="radio"
        choices={DIRECTION_CHOICES}
        checked={["to-place"]}
      />
      <ChoiceField
        frame={{
          id: "timing",
          label: "Is the time to arrive by or to depart after?",
          error: errorOf("timing"),
        }}
        type="radio"
        choices={TIMING_CHOICES}
        checked={["arrive-by"]}
      />
      <DateField
        frame={{
          id: "date",
          label: "Date of travel",
          hint: "For example, 24 11 2026",
          error: errorOf("date"),
        }}
        value={todayIso()}
      />
      <TextField
        id="time"
        label="Time"
        hint="On the 24-hour clock, for example 09:30"
        width="5"
        inputMode="numeric"
        autoComplete="off"
        error={errorOf("time")}
      />
      <TextField
        id="window"
        label="Window, in minutes"
        hint="How far from the time the passenger accepts to travel (0 to 240)"
        width="3"
        inputMode="numeric"
        defaultValue="15"
        error={errorOf("window")}
      />
      <RepeatFields errorOf={errorOf} withTermCalendar={partner === undefined} />
      <button type="submit" className="govuk-button" disabled={busy} data-testid="find-options">
        Find options
      </button>
    </form>
  );
}
