import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiUser, type CompetitionPresented, isAllowed } from "@tt/contract";
import { useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { NotificationBanner } from "../components/notification-banner";
import { TableHead } from "../components/table-head";
import { useTitle } from "../components/use-title";
import { longDate } from "../sharing/agreement-words";
import { OpenedBids, type OwnVehicle, Warning } from "./competition-bids";
import { PutOutForm } from "./competition-form";
import { LotBid } from "./competition-lot-bid";
import {
  buysTransport,
  categoryName,
  clockOf,
  competitionStatus,
  deadlineInWords,
  needsInWords,
  personLabel,
  ruleName,
  vehicleLabel,
} from "./competition-words";
import type { Outcome, Warned } from "./form-outcome";

const COMPETITIONS_KEY = ["competitions"];
/** While a competition is open for bids, its list is asked for again this often, to close it. */
const WHILE_OPEN_MS = 30_000;
const whileOpen = (items: readonly CompetitionPresented[] | undefined) =>
  items?.some((c) => !c.open) ? WHILE_OPEN_MS : false;

const term = (c: CompetitionPresented) => `${longDate(c.startsOn)} to ${longDate(c.endsOn)}`;
const weights = (c: CompetitionPresented) =>
  `Price ${c.priceWeight}, quality ${100 - c.priceWeight}`;

/** The competitions the buyer put out, each with where it stands and its bids once closed. */
function BoughtRows({
  items,
  onOpen,
}: {
  items: readonly CompetitionPresented[];
  onOpen: (competition: CompetitionPresented) => void;
}) {
  const labels = ["Title", "Lots", "Invited", "Contract term", "Weights", "Status", ""];
  return (
    <table
      className="govuk-table govuk-table--small-text-until-tablet"
      data-testid="competitions-bought"
    >
      <TableHead labels={labels} />
      <tbody className="govuk-table__body">
        {items.map((c) => {
          const status = competitionStatus(c);
          const awarded = c.lots.filter((l) => l.contractId).length;
          const invited = c.invited ?? [];
          return (
            <tr className="govuk-table__row" key={c.id}>
              <th scope="row" className="govuk-table__header">
                {c.title}
                <span className="govuk-body-s govuk-!-display-block">
                  Lots by {ruleName(c.rule).toLowerCase()};{" "}
                  {c.categories.map(categoryName).join(", ")}
                </span>
              </th>
              <td className="govuk-table__cell">
                {c.lots.map((l) => l.name).join(", ")}
                {awarded > 0 && (
                  <span className="govuk-body-s govuk-!-display-block">
                    {awarded} of {c.lots.length} awarded
                  </span>
                )}
              </td>
              <td className="govuk-table__cell">
                {invited.length > 0 ? invited.map((o) => o.name).join(", ") : "Nobody"}
              </td>
              <td className="govuk-table__cell">{term(c)}</td>
              <td className="govuk-table__cell">{weights(c)}</td>
              <td className="govuk-table__cell">
                <strong className={status.className}>{status.text}</strong>
              </td>
              <td className="govuk-table__cell">
                {!c.open && <span className="govuk-body-s govuk-!-display-block">Bids sealed</span>}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => onOpen(c)}
                >
                  Open the bids<span className="govuk-visually-hidden"> of {c.title}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One competition an operator is invited to: each lot's runs and needs, its bid and form. */
function Invited({
  competition,
  vehicles,
  staff,
  problems,
  onOutcome,
}: {
  competition: CompetitionPresented;
  vehicles: readonly OwnVehicle[] | undefined;
  staff: readonly OwnVehicle[] | undefined;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const status = competitionStatus(competition, "invited");
  return (
    <section className="govuk-!-margin-bottom-8" data-testid="competition-invited">
      <h3 className="govuk-heading-m">
        {competition.title}
        <span className="govuk-caption-m">{competition.buyerName}</span>
      </h3>
      <p className="govuk-body">
        <strong className={status.className}>{status.text}</strong>
      </p>
      <dl className="govuk-summary-list">
        {[
          ["Contract term", term(competition)],
          ["Categories", competition.categories.map(categoryName).join(", ")],
          ["Scores out of 100", weights(competition)],
        ].map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {competition.lots.map((lot) => (
        <div key={lot.id} data-testid="invited-lot">
          <h4 className="govuk-heading-s">{lot.name}</h4>
          <p className="govuk-body">
            Needs {needsInWords(lot.needs)}; {lot.daysPerYear}{" "}
            {lot.daysPerYear === 1 ? "day" : "days"} a year.
            {lot.contractId && (
              <strong>
                {" "}
                Awarded. If to you, its contract is under <Link to="/contracts">Contracts</Link>.
              </strong>
            )}
          </p>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <TableHead
              labels={["Run (vehicle planned)", "From", "To", "Trips"]}
              numeric={["Trips"]}
            />
            <tbody className="govuk-table__body">
              {lot.runs.map((run) => (
                <tr className="govuk-table__row" key={`${run.vehicleId}-${run.start}`}>
                  <th scope="row" className="govuk-table__header">
                    {run.vehicleReference}
                  </th>
                  <td className="govuk-table__cell">{clockOf(run.start)}</td>
                  <td className="govuk-table__cell">{clockOf(run.end)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{run.trips}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LotBid
            competition={competition}
            lot={lot}
            bid={competition.myBids?.find((b) => b.lotId === lot.id)}
            vehicles={vehicles}
            staff={staff}
            problems={problems}
            onOutcome={onOutcome}
          />
        </div>
      ))}
    </section>
  );
}

/**
 * Mini-competitions: a buyer puts a plan's lots out to the operators admitted to its DPS, then,
 * after the deadline, opens the bids ranked per lot, marks their quality and awards each lot (the
 * contract is made and signed); an invited operator reads each lot's runs and bids for it, sealed,
 * a day's price and its vehicles, told at once what the engine found they cannot carry.
 */
export function CompetitionsPage({ user }: { user: ApiUser }) {
  useTitle("Competitions");
  const queries = useQueryClient();
  const [message, setMessage] = useState<{ text: string; warning?: Warned | undefined }>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [opening, setOpening] = useState<string>();
  const writer = isAllowed(user.role, "contracts", "write");
  const bidder =
    isAllowed(user.role, "dps", "write") && (user.role === "operator" || user.role === "admin");
  const bought = useQuery({
    queryKey: [...COMPETITIONS_KEY, "bought"],
    queryFn: () => api.competitions("bought"),
    refetchInterval: (query) => whileOpen(query.state.data),
  });
  const invited = useQuery({
    queryKey: [...COMPETITIONS_KEY, "invited"],
    queryFn: () => api.competitions("invited"),
    refetchInterval: (query) => whileOpen(query.state.data),
  });
  // The session's own query: the organisation's kind says whether it buys transport.
  const organisation = useQuery({
    queryKey: ["organisation", user.organisationId],
    queryFn: () => api.organisation(),
  });
  const buys = organisation.data ? buysTransport(organisation.data.kind) : undefined;
  const buyer = (user.role !== "operator" && buys !== false) || (bought.data?.length ?? 0) > 0;
  const supplier = user.role === "operator" || (invited.data?.length ?? 0) > 0;
  const vehicles = useQuery({
    queryKey: ["register", "vehicles", "competitions"],
    queryFn: () => api.list("vehicles", { limit: 500 }),
    enabled: bidder && (invited.data?.length ?? 0) > 0,
  });
  const own = vehicles.data?.items.map((v) => ({
    id: v.id,
    reference: v.reference,
    label: vehicleLabel(v),
  }));
  const people = useQuery({
    queryKey: ["register", "staff", "competitions"],
    queryFn: () => api.list("staff", { limit: 500 }),
    enabled: bidder && (invited.data?.length ?? 0) > 0,
  });
  const crew = people.data?.items.map((s) => ({
    id: s.id,
    reference: s.reference,
    label: personLabel(s),
  }));
  const onOutcome: Outcome = (result) => {
    if ("message" in result) {
      setProblems([]);
      setMessage({ text: result.message, warning: result.warning });
      void queries.invalidateQueries({ queryKey: COMPETITIONS_KEY });
    } else {
      setMessage(undefined);
      setProblems(result.problems);
    }
  };
  const opened = bought.data?.find((c) => c.id === opening);
  const error = bought.error ?? invited.error ?? vehicles.error ?? people.error;
  return (
    <div>
      {message && (
        <NotificationBanner key={message.text} message={message.text} id="competitions-saved">
          {message.warning && (
            <Warning
              text={message.warning.text}
              reasons={message.warning.reasons}
              testId="outcome-warning"
            />
          )}
        </NotificationBanner>
      )}
      <h1 className="govuk-heading-l">Competitions</h1>
      <ErrorSummary problems={error ? [...problemsOf(error), ...problems] : problems} />
      {buyer && (
        <>
          <h2 className="govuk-heading-m">Competitions you put out</h2>
          {bought.data && bought.data.length > 0 ? (
            <BoughtRows
              items={bought.data}
              onOpen={(c) => {
                setProblems([]);
                setOpening(c.id);
                // Asked again each time: the server decides whether the deadline has passed.
                void queries.invalidateQueries({ queryKey: COMPETITIONS_KEY });
              }}
            />
          ) : (
            <p className="govuk-body">
              {bought.data
                ? "Your organisation has not put any lots out to competition."
                : !bought.error && "Loading the competitions…"}
            </p>
          )}
          {opened && (
            <OpenedBids
              key={opened.id}
              competition={opened}
              writer={writer}
              problems={problems}
              onOutcome={onOutcome}
            />
          )}
          {writer && buys && <PutOutForm problems={problems} onOutcome={onOutcome} />}
        </>
      )}
      {supplier && (
        <>
          <h2 className="govuk-heading-m">Competitions you are invited to</h2>
          {invited.data && invited.data.length > 0 ? (
            invited.data.map((c) =>
              bidder ? (
                <Invited
                  key={c.id}
                  competition={c}
                  vehicles={own}
                  staff={crew}
                  problems={problems}
                  onOutcome={onOutcome}
                />
              ) : (
                <p className="govuk-body" key={c.id}>
                  {c.title} ({c.buyerName}): bids close at {deadlineInWords(c.deadline)}.
                </p>
              ),
            )
          ) : (
            <p className="govuk-body">
              {invited.data
                ? "Your organisation has not been invited to any competition."
                : !invited.error && "Loading the competitions…"}
            </p>
          )}
        </>
      )}
    </div>
  );
}
