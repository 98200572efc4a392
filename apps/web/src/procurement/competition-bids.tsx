import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { CompetitionEvaluationView, CompetitionPresented } from "@tt/contract";
import { type FormEvent, useEffect } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { focusById } from "../components/focus";
import { Link } from "../components/link";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import { deadlineInWords, qualityFieldId, readQuality, scoreOf } from "./competition-words";
import { linkConflict, poundsOf } from "./contract-words";
import { errorIn, type Outcome } from "./form-outcome";

type Ranked = CompetitionEvaluationView[number]["ranked"][number];
export interface OwnVehicle {
  readonly id: string;
  readonly reference: string;
  readonly label: string;
}

/** A GOV.UK warning text: the heading, and each reason as a bullet. */
export function Warning({
  text,
  reasons,
  testId,
}: {
  text: string;
  reasons: readonly string[];
  testId?: string;
}) {
  return (
    <div className="govuk-warning-text" data-testid={testId}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {text}
        {reasons.length > 0 && (
          <ul className="govuk-list govuk-list--bullet">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** "Awarded: contract MC-1A2B3C4D-1", linked to the contracts page. */
function Awarded({ contractId }: { contractId: string }) {
  const contract = useQuery({
    queryKey: ["contracts", contractId],
    queryFn: () => api.contract(contractId),
  });
  return (
    <p className="govuk-body" data-testid="lot-awarded">
      Awarded: contract <Link to="/contracts">{contract.data?.reference ?? "signed"}</Link>
      {contract.data && ` with ${contract.data.operatorName}, signed`}.
    </p>
  );
}

/** The buyer's quality mark of one bid: a small form. */
function QualityForm({
  competitionId,
  entry,
  problems,
  onOutcome,
}: {
  competitionId: string;
  entry: Ranked;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const fieldId = qualityFieldId(entry.bid.id);
  const mark = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readQuality(entry.bid.id, String(new FormData(event.currentTarget).get(fieldId)));
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      await api.markQuality(competitionId, entry.bid.id, read.body);
      onOutcome({ message: `${entry.operatorName}'s bid marked ${read.body} for quality.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error, { quality: fieldId }) });
    }
  };
  return (
    <form onSubmit={(e) => void mark(e)} noValidate>
      <TextField
        id={fieldId}
        label="Mark, 0 to 100"
        error={errorIn(problems, fieldId)}
        defaultValue={entry.bid.quality === undefined ? "" : String(entry.bid.quality)}
        inputMode="numeric"
        width="3"
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      >
        Mark<span className="govuk-visually-hidden"> {entry.operatorName}'s bid</span>
      </button>
    </form>
  );
}

/**
 * The bids of a closed competition, for its buyer: each lot's bids ranked best first (price and
 * quality scores, unfit bids last with their reasons), the quality marks and the award, which
 * makes and signs the contract. Before the deadline the server refuses them (sealed, the attempt
 * audited): its refusal is shown as it came.
 */
export function OpenedBids({
  competition,
  writer,
  problems,
  onOutcome,
}: {
  competition: CompetitionPresented;
  writer: boolean;
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const queries = useQueryClient();
  const key = ["competitions", competition.id, "bids"];
  const bids = useQuery({
    queryKey: key,
    queryFn: () => api.competitionBids(competition.id),
    retry: false,
  });
  const headingId = "competition-bids-heading";
  useEffect(() => {
    focusById(headingId);
  }, []);
  const award = async (lot: CompetitionEvaluationView[number], entry: Ranked) => {
    try {
      const ranked = await api.awardLot(competition.id, lot.lotId, entry.bid.id);
      queries.setQueryData(key, ranked);
      onOutcome({
        message: `${lot.name} awarded to ${entry.operatorName} at ${poundsOf(entry.bid.pricePence)} a day: the contract is signed.`,
      });
    } catch (error) {
      onOutcome({ problems: linkConflict(error, problemsOf(error), headingId) });
    }
  };
  const weights = `price ${competition.priceWeight}, quality ${100 - competition.priceWeight}`;
  return (
    <section data-testid="competition-bids">
      <h2 className="govuk-heading-m" id={headingId}>
        Bids for {competition.title}
      </h2>
      {bids.error && <ErrorSummary problems={problemsOf(bids.error)} />}
      {!competition.open || bids.error ? (
        <p className="govuk-body" data-testid="bids-sealed">
          The bids are sealed until {deadlineInWords(competition.deadline)}: nobody can read them
          before, not even an administrator, and every attempt is recorded in the audit log.
        </p>
      ) : (
        <>
          <p className="govuk-body">Ranked best first, out of 100 ({weights}).</p>
          {!bids.data && !bids.error && <p className="govuk-body">Opening the bids…</p>}
          {bids.data?.map((lot) => (
            <div key={lot.lotId} data-testid="lot-bids">
              <h3 className="govuk-heading-s">{lot.name}</h3>
              {lot.contractId && <Awarded contractId={lot.contractId} />}
              {lot.ranked.length === 0 ? (
                <p className="govuk-body">No bids.</p>
              ) : (
                <RankedTable
                  competitionId={competition.id}
                  ranked={lot.ranked}
                  awarded={lot.contractId !== undefined}
                  writer={writer}
                  problems={problems}
                  onOutcome={onOutcome}
                  onAward={(entry) => void award(lot, entry)}
                />
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function RankedTable({
  competitionId,
  ranked,
  awarded,
  writer,
  problems,
  onOutcome,
  onAward,
}: {
  competitionId: string;
  ranked: readonly Ranked[];
  awarded: boolean;
  writer: boolean;
  problems: readonly Problem[];
  onOutcome: Outcome;
  onAward: (entry: Ranked) => void;
}) {
  const numeric = ["Price a day", "Vehicles", "Price score", "Quality score", "Total"];
  const labels = ["Operator", "Price a day", "Vehicles", "Quality mark"];
  return (
    <table className="govuk-table govuk-table--small-text-until-tablet">
      <TableHead
        labels={[...labels, "Price score", "Quality score", "Total", ...(writer ? [""] : [])]}
        numeric={numeric}
      />
      <tbody className="govuk-table__body">
        {ranked.map((entry) => {
          const unfit = entry.bid.unfit.length > 0;
          return (
            <tr className="govuk-table__row" key={entry.bid.id} data-testid="ranked-bid">
              <th scope="row" className="govuk-table__header">
                {entry.operatorName}
                {unfit && (
                  <Warning text="Cannot serve the lot:" reasons={entry.bid.unfit} testId="unfit" />
                )}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {poundsOf(entry.bid.pricePence)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {entry.bid.vehicleIds.length}
              </td>
              <td className="govuk-table__cell">
                {writer && !awarded ? (
                  <QualityForm
                    competitionId={competitionId}
                    entry={entry}
                    problems={problems}
                    onOutcome={onOutcome}
                  />
                ) : (
                  (entry.bid.quality ?? "Not marked")
                )}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {scoreOf(entry.priceScore)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {scoreOf(entry.qualityScore)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                <strong>{scoreOf(entry.score)}</strong>
              </td>
              {writer && (
                <td className="govuk-table__cell">
                  {!unfit && (
                    <button
                      type="button"
                      className="govuk-button govuk-!-margin-bottom-0"
                      disabled={awarded}
                      onClick={() => onAward(entry)}
                    >
                      Award<span className="govuk-visually-hidden"> to {entry.operatorName}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
