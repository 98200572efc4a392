import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiUser, type DelegationPresented, isAllowed } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { FormGroup } from "../components/form-group";
import { NotificationBanner } from "../components/notification-banner";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";
import { poundsOf } from "./contract-words";
import {
  commitmentInWords,
  DELEGATION_FIELD_IDS,
  delegationFieldIds,
  delegationStatusInWords,
  readDelegation,
  spendInWords,
} from "./delegation-words";
import { errorIn } from "./form-outcome";

const KEY = ["delegations"];

/** A delegation's budget, what is committed against it and each contract's part. */
function Spend({ delegation }: { delegation: DelegationPresented }) {
  const spend = useQuery({
    queryKey: [...KEY, "spend", delegation.id],
    queryFn: () => api.delegationSpend(delegation.id),
  });
  if (!spend.data) return <p className="govuk-body">Loading what is committed…</p>;
  const s = spend.data;
  return (
    <>
      <p className="govuk-body" data-testid={`spend-${delegation.id}`}>
        {spendInWords(s)}
      </p>
      {s.contracts.length > 0 && (
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <TableHead labels={["Contract", "What it is for", "Status", "Committed in the year"]} />
          <tbody className="govuk-table__body">
            {s.contracts.map((c) => (
              <tr className="govuk-table__row" key={c.contractId}>
                <th scope="row" className="govuk-table__header">
                  {c.reference}
                </th>
                <td className="govuk-table__cell">{c.title}</td>
                <td className="govuk-table__cell">{c.status}</td>
                <td className="govuk-table__cell">{commitmentInWords(c.commitment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A delegation's buttons: the consortium accepts or declines a proposed one; the council withdraws. */
function Actions({
  delegation: d,
  side,
  onDone,
}: {
  delegation: DelegationPresented;
  side: "made" | "received";
  onDone: (result: { message: string } | { problems: Problem[] }) => void;
}) {
  const run = async (step: () => Promise<DelegationPresented>, said: string) => {
    try {
      await step();
      onDone({ message: said });
    } catch (error) {
      onDone({ problems: problemsOf(error, {}) });
    }
  };
  const what = `${d.financialYear} budget of ${poundsOf(d.budgetPence)}`;
  if (side === "received" && d.status === "proposed") {
    return (
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          onClick={() =>
            void run(() => api.answerDelegation(d.id, "accept"), `You accepted the ${what}.`)
          }
        >
          Accept
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          onClick={() =>
            void run(() => api.answerDelegation(d.id, "decline"), `You declined the ${what}.`)
          }
        >
          Decline
        </button>
      </div>
    );
  }
  if (side === "made" && (d.status === "proposed" || d.status === "accepted")) {
    return (
      <button
        type="button"
        className="govuk-button govuk-button--warning"
        onClick={() => void run(() => api.withdrawDelegation(d.id), `You withdrew the ${what}.`)}
      >
        Withdraw
      </button>
    );
  }
  return null;
}

/** Each delegation of one side: its party, year, budget, status and spend. */
function Delegations({
  items,
  side,
  writer,
  onDone,
}: {
  items: readonly DelegationPresented[];
  side: "made" | "received";
  writer: boolean;
  onDone: (result: { message: string } | { problems: Problem[] }) => void;
}) {
  if (items.length === 0) {
    return (
      <p className="govuk-body">
        {side === "made" ? "No budget delegated yet." : "No budget delegated to you."}
      </p>
    );
  }
  return (
    <>
      {items.map((d) => (
        <section
          key={d.id}
          className="govuk-!-margin-bottom-6"
          data-testid={`delegation-${d.financialYear}`}
        >
          <h3 className="govuk-heading-s">
            {side === "made" ? d.consortiumName : d.councilName}, {d.financialYear}: budget{" "}
            {poundsOf(d.budgetPence)}
          </h3>
          <p className="govuk-body" data-testid={`status-${d.id}`}>
            {delegationStatusInWords(d.status)}
          </p>
          {/* The council sees the spend once the consortium has accepted; the consortium always. */}
          {(side === "received" || d.status === "accepted") && <Spend delegation={d} />}
          {writer && <Actions delegation={d} side={side} onDone={onDone} />}
        </section>
      ))}
    </>
  );
}

/** The council's form: a consortium, a financial year, a budget and an area pasted as GeoJSON. */
function DelegateForm({
  onDone,
}: {
  onDone: (result: { message: string } | { problems: Problem[] }) => void;
}) {
  const buyers = useQuery({ queryKey: [...KEY, "consortia"], queryFn: () => api.dpsBuyers() });
  const [problems, setProblems] = useState<Problem[]>([]);
  const id = DELEGATION_FIELD_IDS;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const read = readDelegation({
      consortiumId: text(id.consortiumId),
      financialYear: text(id.financialYear),
      budget: text(id.budgetPence),
      area: text(id.area),
    });
    if (!read.ok) {
      setProblems(read.problems);
      return onDone({ problems: read.problems });
    }
    try {
      const made = await api.delegate(read.body);
      setProblems([]);
      onDone({
        message: `${poundsOf(made.budgetPence)} delegated to ${made.consortiumName} for ${made.financialYear}.`,
      });
    } catch (error) {
      const paths = (error as { details?: { path: string }[] }).details?.map((d) => d.path) ?? [];
      const found = problemsOf(error, delegationFieldIds(paths));
      setProblems(found);
      onDone({ problems: found });
    }
  };
  const errorOf = (key: keyof typeof id) => errorIn(problems, id[key]);
  const choices = (buyers.data ?? []).map((b) => ({ value: b.id, text: b.name }));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="delegation-form">
      <h2 className="govuk-heading-m">Delegate a budget and an area</h2>
      <SelectField
        frame={{ id: id.consortiumId, label: "Local consortium", error: errorOf("consortiumId") }}
        choices={choices}
        blank={buyers.data ? "Choose a consortium" : "Loading…"}
      />
      <TextField
        id={id.financialYear}
        label="Financial year"
        hint="For example, 2026/27."
        error={errorOf("financialYear")}
        width="5"
      />
      <TextField
        id={id.budgetPence}
        label="Budget, in pounds"
        hint="For example, 250000."
        error={errorOf("budgetPence")}
        inputMode="decimal"
        width="10"
      />
      <FormGroup error={errorOf("area")}>
        <label className="govuk-label" htmlFor={id.area}>
          Area, as GeoJSON
        </label>
        <div className="govuk-hint" id={`${id.area}-hint`}>
          A Polygon or MultiPolygon in longitude and latitude (WGS84), or a Feature holding one: the
          consortium commissions only work whose stops all lie inside it.
        </div>
        {errorOf("area") && (
          <p className="govuk-error-message" id={`${id.area}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {errorOf("area")}
          </p>
        )}
        <textarea
          className="govuk-textarea"
          id={id.area}
          name={id.area}
          rows={6}
          aria-describedby={`${id.area}-hint`}
        />
      </FormGroup>
      <button type="submit" className="govuk-button">
        Delegate
      </button>
    </form>
  );
}

/** `/delegations`: a council's delegated budgets and areas, and a consortium's spend against its own. */
export function DelegationsPage({ user }: { user: ApiUser }) {
  useTitle("Consortium budgets");
  const client = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const made = useQuery({ queryKey: [...KEY, "made"], queryFn: () => api.delegations("made") });
  const received = useQuery({
    queryKey: [...KEY, "received"],
    queryFn: () => api.delegations("received"),
  });
  const writer = isAllowed(user.role, "delegations", "write");
  const done = (result: { message: string } | { problems: Problem[] }) => {
    if ("problems" in result) return setProblems(result.problems);
    setProblems([]);
    setMessage(result.message);
    void client.invalidateQueries({ queryKey: KEY });
  };
  return (
    <>
      {message && <NotificationBanner key={message} message={message} id="delegation-saved" />}
      <h1 className="govuk-heading-l">Consortium budgets</h1>
      <ErrorSummary problems={problems} />
      <p className="govuk-body">
        A council delegates a budget and an area to a local consortium for a financial year; it
        counts once the consortium accepts it, until the council withdraws it. The consortium's
        signed contracts are committed against it: a day's price for every weekday of their terms
        within the year. Signing beyond the budget, or commissioning outside the area, is refused.
      </p>
      {(received.data?.length ?? 0) > 0 && (
        <>
          <h2 className="govuk-heading-m">Your delegated budgets</h2>
          <Delegations items={received.data ?? []} side="received" writer={writer} onDone={done} />
        </>
      )}
      <h2 className="govuk-heading-m">Budgets you delegated</h2>
      <Delegations items={made.data ?? []} side="made" writer={writer} onDone={done} />
      {/* Only councils delegate (the API refuses anyone else): a consortium holding budgets is not offered the form. */}
      {writer && received.data?.length === 0 && <DelegateForm onDone={done} />}
    </>
  );
}
