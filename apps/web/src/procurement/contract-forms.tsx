import { useQuery } from "@tanstack/react-query";
import type { ContractPresented } from "@tt/contract";
import { type FormEvent, useEffect } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { focusById } from "../components/focus";
import { Link } from "../components/link";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { longDate } from "../sharing/agreement-words";
import {
  BASIS_CHOICES,
  breakDatesLeft,
  CONTRACT_FIELD_IDS,
  ENDING_FIELD_IDS,
  fieldIdsFor,
  HAND_BACK_FIELD_IDS,
  linkConflict,
  readContract,
  readEnding,
  replannedWords,
} from "./contract-words";
import { errorIn, type Outcome } from "./form-outcome";

/** The query key of every contract list, refreshed after each change. */
export const CONTRACTS_KEY = ["contracts"];

/** The buyer's form to record a contract as a draft (vehicles are not chosen here). */
export function RecordForm({
  problems,
  onOutcome,
}: {
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const operators = useQuery({
    queryKey: [...CONTRACTS_KEY, "operators"],
    queryFn: () => api.dpsApplications("received", "admitted"),
  });
  const funders = useQuery({
    queryKey: ["register", "funders", "contracts"],
    queryFn: () => api.list("funders", { limit: 100 }),
  });
  const id = CONTRACT_FIELD_IDS;
  const record = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? "");
    const read = readContract({
      operatorId: text(id.operatorId),
      reference: text(id.reference),
      title: text(id.title),
      basis: text(id["price.basis"]),
      price: text(id.price),
      runs: text(id.runs),
      startsOn: dateFromParts(form, id.startsOn),
      endsOn: dateFromParts(form, id.endsOn),
      breakDates: text(id.breakDates),
      funderIds: form.getAll(id.funderIds).map(String),
    });
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      const made = await api.recordContract(read.body);
      element.reset();
      onOutcome({
        message: `Contract ${made.reference} recorded as a draft: sign it when agreed.`,
      });
    } catch (error) {
      const found = problemsOf(error, fieldIdsFor(error, CONTRACT_FIELD_IDS));
      onOutcome({ problems: linkConflict(error, found, id.reference) });
    }
  };
  const admitted = new Map((operators.data ?? []).map((a) => [a.operatorId, a.operatorName]));
  const operatorChoices = [...admitted].map(([value, text]) => ({ value, text }));
  const funderChoices = (funders.data?.items ?? []).map((f) => ({ value: f.id, text: f.name }));
  const errorOf = (key: keyof typeof CONTRACT_FIELD_IDS) => errorIn(problems, id[key]);
  return (
    <form onSubmit={(e) => void record(e)} noValidate data-testid="contract-form">
      <h2 className="govuk-heading-m">Record a contract</h2>
      {operators.data && operatorChoices.length === 0 ? (
        <p className="govuk-body">
          No operator is admitted to your dynamic purchasing system yet: admit one under{" "}
          <Link to="/dps">Purchasing system</Link>, then record its contract here.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            It is recorded as a draft, to sign when agreed. The operator's vehicles are not chosen
            here.
          </p>
          <SelectField
            frame={{ id: id.operatorId, label: "Operator", error: errorOf("operatorId") }}
            choices={operatorChoices}
            blank={operators.data ? "Choose an operator" : "Loading the operators…"}
          />
          <TextField id={id.reference} label="Reference" error={errorOf("reference")} width="10" />
          <TextField
            id={id.title}
            label="What it is for"
            hint="For example, Fenland schools, morning and afternoon."
            error={errorOf("title")}
            width="30"
          />
          <SelectField
            frame={{ id: id["price.basis"], label: "Priced by", error: errorOf("price.basis") }}
            choices={BASIS_CHOICES}
            blank="Choose how it is priced"
          />
          <TextField
            id={id.price}
            label="Price, in pounds"
            hint="A day, mile or trip, as priced: for example 185 or 1.61. Leave empty for mileage at the HMRC rate."
            error={errorOf("price")}
            inputMode="decimal"
            width="5"
          />
          <TextField
            id={id.runs}
            label="Runs it covers (optional)"
            hint="Your names for them, separated by commas: SCH-12 AM, SCH-12 PM."
            error={errorOf("runs")}
            width="30"
          />
          <DateField
            frame={{ id: id.startsOn, label: "Starts on", error: errorOf("startsOn") }}
            value=""
          />
          <DateField
            frame={{ id: id.endsOn, label: "Ends on (its last day)", error: errorOf("endsOn") }}
            value=""
          />
          <TextField
            id={id.breakDates}
            label="Break dates (optional)"
            hint="Days you may end it early, each after its start and not after its end, separated by commas: 1/4/2027, 1/9/2027."
            error={errorOf("breakDates")}
            width="30"
          />
          {funderChoices.length > 0 ? (
            <ChoiceField
              frame={{
                id: id.funderIds,
                label: "Funders that pay for it",
                error: errorOf("funderIds"),
              }}
              type="checkbox"
              choices={funderChoices}
              checked={[]}
            />
          ) : (
            funders.data && <p className="govuk-body">Your organisation has no funders recorded.</p>
          )}
          <button type="submit" className="govuk-button" data-testid="record-contract">
            Record the draft
          </button>
        </>
      )}
    </form>
  );
}

/** The heading of an ending form, focused when the form opens. */
function FormHeading({ id, text }: { id: string; text: string }) {
  useEffect(() => {
    focusById(id);
  }, [id]);
  return (
    <h2 className="govuk-heading-m" id={id}>
      {text}
    </h2>
  );
}

/** The buyer ends an active contract at one of its break dates still to come. */
export function EndForm({
  contract,
  today,
  problems,
  onOutcome,
}: {
  contract: ContractPresented;
  today: string;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const id = ENDING_FIELD_IDS;
  const end = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readEnding(
      { endedOn: String(form.get(id.endedOn) ?? ""), reason: String(form.get(id.reason) ?? "") },
      id,
      "Choose the break date",
    );
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      const ended = await api.endContract(contract.id, read.body);
      onOutcome({
        message: `Contract ${ended.reference} ends at its break date: ${longDate(read.body.endedOn)} is the first day without it.`,
      });
    } catch (error) {
      onOutcome({ problems: linkConflict(error, problemsOf(error, id), id.endedOn) });
    }
  };
  const choices = breakDatesLeft(contract, today).map((d) => ({ value: d, text: longDate(d) }));
  return (
    <form onSubmit={(e) => void end(e)} noValidate data-testid="contract-end-form">
      <FormHeading id="contract-end-heading" text={`End ${contract.reference} at a break date`} />
      <SelectField
        frame={{
          id: id.endedOn,
          label: "Break date",
          hint: "The first day without the contract.",
          error: errorIn(problems, id.endedOn),
        }}
        choices={choices}
        blank="Choose a break date"
      />
      <TextField
        id={id.reason}
        label="Reason"
        hint="The operator reads it."
        error={errorIn(problems, id.reason)}
        width="30"
      />
      <button type="submit" className="govuk-button govuk-button--warning">
        End the contract
      </button>
    </form>
  );
}

/** The operator hands a contract back from tomorrow at the earliest. */
export function HandBackForm({
  contract,
  problems,
  onOutcome,
}: {
  contract: ContractPresented;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const id = HAND_BACK_FIELD_IDS;
  const handBack = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readEnding(
      { endedOn: dateFromParts(form, id.endedOn), reason: String(form.get(id.reason) ?? "") },
      id,
      "Enter a real first day without the contract, like 1 4 2027",
    );
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      const handed = await api.handBackContract(contract.id, read.body);
      onOutcome({
        message: `Contract ${handed.reference} handed back to ${handed.buyerName}: ${longDate(read.body.endedOn)} is the first day without it.${replannedWords(handed.replanned)}`,
      });
    } catch (error) {
      onOutcome({ problems: linkConflict(error, problemsOf(error, id), id.endedOn) });
    }
  };
  return (
    <form onSubmit={(e) => void handBack(e)} noValidate data-testid="contract-hand-back-form">
      <FormHeading id="contract-hand-back-heading" text={`Hand back ${contract.reference}`} />
      <DateField
        frame={{
          id: id.endedOn,
          label: "First day without the contract",
          hint: `From tomorrow at the earliest, and not after its end on ${longDate(contract.endsOn)}.`,
          error: errorIn(problems, id.endedOn),
        }}
        value=""
      />
      <TextField
        id={id.reason}
        label="Reason"
        hint={`${contract.buyerName} reads it.`}
        error={errorIn(problems, id.reason)}
        width="30"
      />
      <button type="submit" className="govuk-button govuk-button--warning">
        Hand back the contract
      </button>
    </form>
  );
}
