import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ApiUser,
  type ContractAlignmentView,
  type ContractPresented,
  isAllowed,
} from "@tt/contract";
import { useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { todayIso } from "../booking/booking-words";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import { longDate } from "../sharing/agreement-words";
import { CONTRACTS_KEY, EndForm, HandBackForm, RecordForm } from "./contract-forms";
import {
  alignmentHeading,
  breakDatesLeft,
  contractStatusTag,
  endedInWords,
  endingSoon,
  priceInWords,
  proposalInWords,
} from "./contract-words";
import type { Outcome } from "./form-outcome";

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

/** One side's contracts, or why there are none to show (none yet, or still loading). */
function ContractList({
  list,
  empty,
  ...rows
}: Omit<Parameters<typeof ContractRows>[0], "items"> & {
  list: { data?: ContractPresented[] | undefined; error: unknown };
  empty: string;
}) {
  if (list.data && list.data.length > 0) return <ContractRows items={list.data} {...rows} />;
  return (
    <p className="govuk-body">{list.data ? empty : !list.error && "Loading the contracts…"}</p>
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
          <ContractList
            list={bought}
            empty="Your organisation has not recorded any contracts."
            side="bought"
            today={today}
            onSign={writer ? (c) => void sign(c) : undefined}
            onEnd={writer ? choose(setEnding) : undefined}
          />
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
          <ContractList
            list={supplied}
            empty="Your organisation supplies no contracts."
            side="supplied"
            today={today}
            onHandBack={handsBack ? choose(setHandingBack) : undefined}
          />
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
