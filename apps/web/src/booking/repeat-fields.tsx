import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { SelectField } from "../components/select-field";
import { OFTEN_CHOICES, type RepeatDraft, WEEKDAY_CHOICES } from "./repeat-words";

/** The repeat's answers from the form: nothing to repeat unless the agent chose it. */
export function repeatAnswers(form: FormData): RepeatDraft {
  return {
    often: String(form.get("often") ?? "once"),
    weekdays: form.getAll("repeat-weekdays").map(String),
    until: dateFromParts(form, "repeat-until"),
    termCalendarId: String(form.get("repeat-calendar") ?? ""),
  };
}

/** The organisation's term calendars; none chosen means every week until the last day. */
function TermCalendarField({ error }: { error: string | undefined }) {
  const calendars = useQuery({
    queryKey: ["register", "termCalendars", "booking"],
    queryFn: () => api.list("termCalendars", { limit: 100 }),
  });
  const frame = {
    id: "repeat-calendar",
    label: "Term calendar",
    hint: "For school and SEND trips, so the trip skips the holidays",
    error: error ?? (calendars.error ? problemsOf(calendars.error)[0]?.text : undefined),
  };
  const choices = (calendars.data?.items ?? []).map((c) => ({ value: c.id, text: c.name }));
  return (
    <SelectField
      frame={frame}
      choices={choices}
      defaultValue=""
      blank={calendars.data ? "None: every week, holidays too" : "Loading the term calendars…"}
    />
  );
}

/**
 * Once, or every week on chosen weekdays until a last day (inside a term calendar's terms when
 * one is chosen). The repeat's questions show only when the agent asks for a repeat.
 */
export function RepeatFields({
  errorOf,
  withTermCalendar,
}: {
  errorOf: (id: string) => string | undefined;
  /** The organisation's own calendars; not offered for a partner's passenger (theirs differ). */
  withTermCalendar: boolean;
}) {
  const [repeats, setRepeats] = useState(false);
  return (
    <>
      <ChoiceField
        frame={{
          id: "often",
          label: "How often does the passenger travel?",
          error: errorOf("often"),
        }}
        type="radio"
        choices={OFTEN_CHOICES}
        checked={["once"]}
        onChoose={(value) => setRepeats(value === "repeats")}
      />
      {repeats ? (
        <div className="govuk-inset-text" data-testid="repeat-fields">
          <ChoiceField
            frame={{
              id: "repeat-weekdays",
              label: "On which weekdays?",
              hint: "The date of travel must fall on one of them",
              error: errorOf("repeat-weekdays"),
            }}
            type="checkbox"
            choices={WEEKDAY_CHOICES}
            checked={[]}
          />
          <DateField
            frame={{
              id: "repeat-until",
              label: "Last day of travel",
              hint: "For example, 18 12 2026; at most 400 days after the date of travel",
              error: errorOf("repeat-until"),
            }}
            value=""
          />
          {withTermCalendar && <TermCalendarField error={errorOf("repeat-calendar")} />}
        </div>
      ) : null}
    </>
  );
}
