import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ApiUser,
  type ContractAlignmentView,
  type ContractPresented,
  isAllowed,
} from "@tt/contract";
import { type FormEvent, useEffect, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { todayIso } from "../booking/booking-words";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { focusById } from "../components/focus";
import { Link } from "../components/link";
import { NotificationBanner } from "../components/notification-banner";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";
import { longDate } from "../sharing/agreement-words";
import {
  alignmentHeading,
  BASIS_CHOICES,
  breakDatesLeft,
  CONTRACT_FIELD_IDS,
  contractStatusTag,
  ENDING_FIELD_IDS,
  endedInWords,
  endingSoon,
  fieldIdsFor,
  HAND_BACK_FIELD_IDS,
  linkConflict,
  priceInWords,
  proposalInWords,
  readContract,
  readEnding,
} from "./contract-words";

const CONTRACTS_KEY = ["contracts"];
type Outcome = (result: { message: string } | { problems: Problem[] }) => void;

/** The message of the first problem linked to the field, for the field's own error message. */
const errorIn = (problems: readonly Problem[], id: string) =>
  problems.find((p) => p.href === `#${id}`)?.text;

const datesInWords = (dates: readonly string[]) =>
  dates.length === 0 ? "None" : dates.map(longDate).join(", ");

/** The contracts of one side, by reference, with the buttons the user may press on each. */
function ContractRows({
  items,
  side,
  today,
  onSign,
  onEnd,
  onHandBack,
}: {
  items: readonly ContractPresented[];
  side: "bought" | "supplied";
  today: string;
  onSign?: ((contract: ContractPresented) => void) | undefined;
  onEnd?: ((contract: ContractPresented) => void) | undefined;
  onHandBack?: ((contract: ContractPresented) => void) | undefined;
}) {
  const acts = Boolean(onSign ?? onEnd ?? onHandBack);
  const party = side === "bought" ? "Operator" : "Buyer";
  const labels = ["Reference", "Title", party, "Price", "Vehicles", "Start", "End", "Break dates"];
  const button = (
    text: string,
    contract: ContractPresented,
    act: (c: ContractPresented) => void,
  ) => (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      onClick={() => act(contract)}
    >
      {text}
      <span className="govuk-visually-hidden"> {contract.reference}</span>
    </button>
  );
  return (
    <table
      className="govuk-table govuk-table--small-text-until-tablet"
      data-testid={`contracts-${side}`}
    >
      <TableHead labels={[...labels, "Status", ...(acts ? [""] : [])]} />
      <tbody className="govuk-table__body">
        {items.map((c) => {
          const tag = contractStatusTag(c.status);
          const soon = endingSoon(c, today);
          return (
            <tr className="govuk-table__row" key={c.id}>
              <th scope="row" className="govuk-table__header">
                {c.reference}
              </th>
              <td className="govuk-table__cell">
                {c.title}
                {c.runs.length > 0 && (
                  <span className="govuk-body-s govuk-!-display-block">
                    Runs: {c.runs.join(", ")}
                  </span>
                )}
              </td>
              <td className="govuk-table__cell">
                {side === "bought" ? c.operatorName : c.buyerName}
              </td>
              <td className="govuk-table__cell">{priceInWords(c.price)}</td>
              <td className="govuk-table__cell">
                {c.vehicleReferences.length > 0 ? c.vehicleReferences.join(", ") : "None"}
              </td>
              <td className="govuk-table__cell">{longDate(c.startsOn)}</td>
              <td className="govuk-table__cell">
                {longDate(c.endsOn)}
                {soon && <strong className="govuk-!-display-block">{soon}</strong>}
              </td>
              <td className="govuk-table__cell">{datesInWords(c.breakDates)}</td>
              <td className="govuk-table__cell">
                <strong className={tag.className}>{tag.text}</strong>
                {c.endedOn && <span className="govuk-body-s"> {endedInWords(c)}</span>}
              </td>
              {acts && (
                <td className="govuk-table__cell">
                  {onSign && c.status === "draft" && button("Sign", c, onSign)}
                  {onEnd &&
                    c.status === "active" &&
                    breakDatesLeft(c, today).length > 0 &&
                    button("End at break date", c, onEnd)}
                  {onHandBack && c.status === "active" && button("Hand back", c, onHandBack)}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The buyer's form to record a contract as a draft (vehicles are not chosen here). */
function RecordForm({ problems, onOutcome }: { problems: readonly Problem[]; onOutcome: Outcome }) {
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
function EndForm({
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

/** The operator hands a contract back from a day not yet past. */
function HandBackForm({
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
        message: `Contract ${handed.reference} handed back to ${handed.buyerName}: ${longDate(read.body.endedOn)} is the first day without it.`,
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
          hint: `Not a day already past, and not after its end on ${longDate(contract.endsOn)}.`,
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

/** The buyer's signed contracts proposed to end together at the end of a school year. */
function Alignment({ alignment }: { alignment: ContractAlignmentView | undefined }) {
  return (
    <section data-testid="contract-alignment">
      <h2 className="govuk-heading-m">Aligning expiry dates</h2>
      <p className="govuk-body">
        Signed contracts grouped to end together on the last day of a school year, so that their
        work can be bought again as one.
      </p>
      {alignment && alignment.groups.length === 0 && (
        <p className="govuk-body">No signed contracts to align.</p>
      )}
      {alignment?.groups.map((group) => (
        <div key={group.alignTo} data-testid="alignment-group">
          <h3 className="govuk-heading-s">{alignmentHeading(group.alignTo)}</h3>
          <ul className="govuk-list govuk-list--bullet">
            {group.steps.map((step) => (
              <li key={step.contractId}>
                {step.reference}, ending {longDate(step.endsOn)}: {proposalInWords(step)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * The contract register: a buyer's contracts with operators (price, vehicles, dates, break
 * dates, status), its form to record a draft, signing and ending at a break date, and how to align
 * their expiry dates; an operator's contracts it supplies, each to hand back.
 */
export function ContractsPage({ user }: { user: ApiUser }) {
  useTitle("Contracts");
  const queries = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [ending, setEnding] = useState<ContractPresented>();
  const [handingBack, setHandingBack] = useState<ContractPresented>();
  const writer = isAllowed(user.role, "contracts", "write");
  const handsBack = isAllowed(user.role, "hand-backs", "write");
  const bought = useQuery({
    queryKey: [...CONTRACTS_KEY, "bought"],
    queryFn: () => api.contracts("bought"),
  });
  const supplied = useQuery({
    queryKey: [...CONTRACTS_KEY, "supplied"],
    queryFn: () => api.contracts("supplied"),
  });
  const alignment = useQuery({
    queryKey: [...CONTRACTS_KEY, "alignment"],
    queryFn: () => api.contractAlignment(),
  });
  const today = alignment.data?.today ?? todayIso();
  const buyer = user.role !== "operator" || (bought.data?.length ?? 0) > 0;
  const supplier = user.role === "operator" || (supplied.data?.length ?? 0) > 0;
  const onOutcome: Outcome = (result) => {
    if ("message" in result) {
      setProblems([]);
      setMessage(result.message);
      setEnding(undefined);
      setHandingBack(undefined);
      void queries.invalidateQueries({ queryKey: CONTRACTS_KEY });
    } else {
      setMessage(undefined);
      setProblems(result.problems);
    }
  };
  const sign = async (c: ContractPresented) => {
    try {
      const signed = await api.signContract(c.id);
      onOutcome({ message: `Contract ${signed.reference} signed.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error) });
    }
  };
  const choose = (open: (c: ContractPresented) => void) => (c: ContractPresented) => {
    setProblems([]);
    open(c);
  };
  const error = bought.error ?? supplied.error ?? alignment.error;
  return (
    <div>
      {message && <NotificationBanner key={message} message={message} id="contracts-saved" />}
      <h1 className="govuk-heading-l">Contracts</h1>
      <ErrorSummary problems={error ? [...problemsOf(error), ...problems] : problems} />
      {buyer && (
        <>
          <h2 className="govuk-heading-m">Contracts you bought</h2>
          {bought.data && bought.data.length > 0 ? (
            <ContractRows
              items={bought.data}
              side="bought"
              today={today}
              onSign={writer ? (c) => void sign(c) : undefined}
              onEnd={writer ? choose(setEnding) : undefined}
            />
          ) : (
            <p className="govuk-body">
              {bought.data
                ? "Your organisation has not recorded any contracts."
                : !bought.error && "Loading the contracts…"}
            </p>
          )}
          {ending && writer && (
            <EndForm
              key={ending.id}
              contract={ending}
              today={today}
              problems={problems}
              onOutcome={onOutcome}
            />
          )}
          {writer && <RecordForm problems={problems} onOutcome={onOutcome} />}
          <Alignment alignment={alignment.data} />
        </>
      )}
      {supplier && (
        <>
          <h2 className="govuk-heading-m">Contracts you supply</h2>
          {supplied.data && supplied.data.length > 0 ? (
            <ContractRows
              items={supplied.data}
              side="supplied"
              today={today}
              onHandBack={handsBack ? choose(setHandingBack) : undefined}
            />
          ) : (
            <p className="govuk-body">
              {supplied.data
                ? "Your organisation supplies no contracts."
                : !supplied.error && "Loading the contracts…"}
            </p>
          )}
          {handingBack && handsBack && (
            <HandBackForm
              key={handingBack.id}
              contract={handingBack}
              problems={problems}
              onOutcome={onOutcome}
            />
          )}
        </>
      )}
    </div>
  );
}
