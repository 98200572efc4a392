import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiUser, type CommissionPresented, isAllowed } from "@tt/contract";
import { useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { todayIso } from "../booking/booking-words";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import { deadlineInWords } from "../procurement/competition-words";
import type { Outcome } from "../procurement/form-outcome";
import { longDate } from "../sharing/agreement-words";
import { COMMISSIONS_KEY, DisputeForm, JourneyForm, OfferForm } from "./commission-forms";
import {
  commissionStatusTag,
  type GroupReconciliationView,
  milesInWords,
  monthInWords,
  monthOf,
  rateInWords,
  reconciliationFigures,
  shiftMonth,
  tripInWords,
} from "./commission-words";

type Act = {
  text: string;
  when: (c: CommissionPresented) => boolean;
  act: (c: CommissionPresented) => void;
};

/** One side's commissions of the month, with the buttons the user may press on each. */
function CommissionRows({
  items,
  acts,
  side,
}: {
  items: readonly CommissionPresented[];
  acts: readonly Act[];
  side: string;
}) {
  if (items.length === 0) return <p className="govuk-body">No trips this month.</p>;
  return (
    <table
      className="govuk-table govuk-table--small-text-until-tablet"
      data-testid={`commissions-${side}`}
    >
      <TableHead
        labels={[
          "Reference",
          "Day",
          "Trip",
          "Rate",
          "Answer by",
          "Journey",
          "Status",
          ...(acts.length > 0 ? [""] : []),
        ]}
      />
      <tbody className="govuk-table__body">
        {items.map((c) => {
          const tag = commissionStatusTag(c.status);
          return (
            <tr className="govuk-table__row" key={c.id}>
              <th scope="row" className="govuk-table__header">
                {c.trip.reference}
              </th>
              <td className="govuk-table__cell">{longDate(c.date)}</td>
              <td className="govuk-table__cell">{tripInWords(c.trip)}</td>
              <td className="govuk-table__cell">{rateInWords(c.rate)}</td>
              <td className="govuk-table__cell">{deadlineInWords(c.deadline)}</td>
              <td className="govuk-table__cell">
                {c.completion ? milesInWords(c.completion.mileTenths) : "Not recorded"}
              </td>
              <td className="govuk-table__cell">
                <strong className={tag.className}>{tag.text}</strong>
                {c.disputeReason && (
                  <span className="govuk-body-s govuk-!-display-block">{c.disputeReason}</span>
                )}
              </td>
              {acts.length > 0 && (
                <td className="govuk-table__cell">
                  {acts
                    .filter((a) => a.when(c))
                    .map((a) => (
                      <button
                        key={a.text}
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-right-1"
                        onClick={() => a.act(c)}
                      >
                        {a.text}
                        <span className="govuk-visually-hidden"> {c.trip.reference}</span>
                      </button>
                    ))}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The month's reconciliation per buyer and group, with the payment export. */
function Reconciliation({
  groups,
  month,
  buyer,
}: {
  groups: readonly GroupReconciliationView[];
  month: string;
  buyer: boolean;
}) {
  return (
    <section data-testid="reconciliation">
      <h2 className="govuk-heading-m">Reconciliation, {monthInWords(month)}</h2>
      <p className="govuk-body">
        Each journey's miles at the agreed rate, rounded to the nearest penny (a half penny up),
        then added up. Disputed journeys are held back.
      </p>
      {groups.length === 0 && <p className="govuk-body">Nothing commissioned this month.</p>}
      {groups.map((g) => (
        <table className="govuk-table" key={`${g.buyerId}-${g.groupId}`}>
          <caption className="govuk-table__caption govuk-table__caption--s">
            {buyer ? g.groupName : g.buyerName}
          </caption>
          <tbody className="govuk-table__body">
            {reconciliationFigures(g).map(([label, value]) => (
              <tr className="govuk-table__row" key={label}>
                <th scope="row" className="govuk-table__header">
                  {label}
                </th>
                <td className="govuk-table__cell">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {groups.length > 0 && (
        <p className="govuk-body">
          <a className="govuk-link" href={api.reconciliationCsvUrl(month)} download>
            Download the payment export (CSV)
          </a>
        </p>
      )}
    </section>
  );
}

type Handle = (c: CommissionPresented) => void;

/** The buttons on each commission: the group's answers and journeys, or the buyer's disputes. */
function actsFor(
  role: ApiUser["role"],
  group: boolean,
  on: {
    answer: (c: CommissionPresented, a: "accept" | "decline") => void;
    journey: Handle;
    dispute: Handle;
  },
): Act[] {
  const offered = (c: CommissionPresented) => c.status === "offered";
  if (!group) {
    if (!isAllowed(role, "commissions", "write")) return [];
    const disputable = (c: CommissionPresented) =>
      c.status === "accepted" || c.status === "completed";
    return [{ text: "Dispute", when: disputable, act: on.dispute }];
  }
  const answers: Act[] = [
    { text: "Accept", when: offered, act: (c) => on.answer(c, "accept") },
    { text: "Decline", when: offered, act: (c) => on.answer(c, "decline") },
  ];
  const journey: Act = {
    text: "Record journey",
    when: (c) => c.status === "accepted",
    act: on.journey,
  };
  return [
    ...(isAllowed(role, "commission-answers", "write") ? answers : []),
    ...(isAllowed(role, "completions", "write") ? [journey] : []),
  ];
}

/**
 * The community transport hub: a buyer offers trips of its plans to groups, disputes journeys and
 * reconciles each month (with the payment export); a group accepts or declines what it is
 * offered and records the journeys its drivers made.
 */
export function CommunityTransportPage({ user }: { user: ApiUser }) {
  useTitle("Community transport");
  const queries = useQueryClient();
  const [month, setMonth] = useState(monthOf(todayIso()));
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [open, setOpen] = useState<{
    form: "journey" | "dispute";
    commission: CommissionPresented;
  }>();
  const organisation = useQuery({ queryKey: ["organisation"], queryFn: () => api.organisation() });
  const group = organisation.data?.kind === "community-transport";
  const side = group ? "received" : "offered";
  const list = useQuery({
    queryKey: [...COMMISSIONS_KEY, side, month],
    queryFn: () => api.commissions(side, month),
    enabled: Boolean(organisation.data),
  });
  const reconciliation = useQuery({
    queryKey: [...COMMISSIONS_KEY, "reconciliation", month],
    queryFn: () => api.reconciliation(month),
  });
  const onOutcome: Outcome = (result) => {
    if ("message" in result) {
      setProblems([]);
      setMessage(result.message);
      setOpen(undefined);
      void queries.invalidateQueries({ queryKey: COMMISSIONS_KEY });
    } else {
      setMessage(undefined);
      setProblems(result.problems);
    }
  };
  const answer = async (c: CommissionPresented, a: "accept" | "decline") => {
    try {
      await api.answerCommission(c.id, a);
      onOutcome({ message: `${c.trip.reference} ${a === "accept" ? "accepted" : "declined"}.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error) });
    }
  };
  const choose = (form: "journey" | "dispute") => (commission: CommissionPresented) => {
    setProblems([]);
    setOpen({ form, commission });
  };
  const acts = actsFor(user.role, group, {
    answer: (c, a) => void answer(c, a),
    journey: choose("journey"),
    dispute: choose("dispute"),
  });
  const error = organisation.error ?? list.error ?? reconciliation.error;
  return (
    <div>
      {message && <NotificationBanner key={message} message={message} id="commissions-saved" />}
      <h1 className="govuk-heading-l">Community transport</h1>
      <ErrorSummary problems={error ? [...problemsOf(error), ...problems] : problems} />
      <p className="govuk-body">
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-right-2"
          onClick={() => setMonth(shiftMonth(month, -1))}
        >
          Previous month
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setMonth(shiftMonth(month, 1))}
        >
          Next month
        </button>
      </p>
      <h2 className="govuk-heading-m">
        {group ? "Trips offered to you" : "Trips you offered"}, {monthInWords(month)}
      </h2>
      {list.data ? (
        <CommissionRows items={list.data} acts={acts} side={side} />
      ) : (
        !list.error && <p className="govuk-body">Loading the trips…</p>
      )}
      {open?.form === "journey" && (
        <JourneyForm
          key={`journey-${open.commission.id}`}
          commission={open.commission}
          problems={problems}
          onOutcome={onOutcome}
          chooses={{
            driver: isAllowed(user.role, "staff", "read"),
            vehicle: isAllowed(user.role, "vehicles", "read"),
          }}
        />
      )}
      {open?.form === "dispute" && (
        <DisputeForm
          key={`dispute-${open.commission.id}`}
          commission={open.commission}
          problems={problems}
          onOutcome={onOutcome}
        />
      )}
      {!group && organisation.data && isAllowed(user.role, "commissions", "write") && (
        <OfferForm problems={problems} onOutcome={onOutcome} />
      )}
      {reconciliation.data && (
        <Reconciliation groups={reconciliation.data.groups} month={month} buyer={!group} />
      )}
    </div>
  );
}
