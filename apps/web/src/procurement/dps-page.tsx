import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ApiUser,
  DPS_CATEGORIES,
  type DpsApplicationPresented,
  isAllowed,
} from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";
import { longDate } from "../sharing/agreement-words";
import { DocumentTable, Warnings } from "./compliance-page";

const categoryName = (c: string) => c.replaceAll("-", " ");
const CATEGORY_CHOICES = DPS_CATEGORIES.map((c) => ({ value: c, text: categoryName(c) }));
type Outcome = (result: { message: string } | { problems: Problem[] }) => void;

function ApplicationRows({
  items,
  side,
  onChoose,
}: {
  items: readonly DpsApplicationPresented[];
  side: "made" | "received";
  onChoose: (application: DpsApplicationPresented) => void;
}) {
  const who = side === "made" ? "Buyer" : "Operator";
  return (
    <table className="govuk-table" data-testid={`dps-${side}`}>
      <TableHead labels={[who, "Categories", "Status", "Applied", ""]} />
      <tbody className="govuk-table__body">
        {items.map((a) => (
          <tr className="govuk-table__row" key={a.id}>
            <td className="govuk-table__cell">{side === "made" ? a.buyerName : a.operatorName}</td>
            <td className="govuk-table__cell">{a.categories.map(categoryName).join(", ")}</td>
            <td className="govuk-table__cell">
              <strong className="govuk-tag">{a.status}</strong>
              {a.reason && <span className="govuk-body-s"> {a.reason}</span>}
            </td>
            <td className="govuk-table__cell">{longDate(a.createdAt)}</td>
            <td className="govuk-table__cell">
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => onChoose(a)}
              >
                {side === "made" ? "Withdraw" : "Review"}
                <span className="govuk-visually-hidden">
                  {" "}
                  {side === "made" ? a.buyerName : a.operatorName}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The buyer's review of one application: the applicant's documents, then the decision. */
function Review({
  application,
  onOutcome,
}: {
  application: DpsApplicationPresented;
  onOutcome: Outcome;
}) {
  const record = useQuery({
    queryKey: ["dps", "applicant", application.operatorId],
    queryFn: () => api.applicantCompliance(application.operatorId),
  });
  const decide = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = String(form.get("dps-decision") ?? "");
    const reason = String(form.get("dps-reason") ?? "").trim();
    const chosen = (["admitted", "refused", "suspended"] as const).find((s) => s === status);
    if (!chosen)
      return onOutcome({ problems: [{ text: "Choose a decision", href: "#dps-decision" }] });
    try {
      const moved = await api.decideDpsApplication(application.id, chosen, reason);
      onOutcome({ message: `${moved.operatorName}: ${moved.status}.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error, { status: "dps-decision", reason: "dps-reason" }) });
    }
  };
  return (
    <section data-testid="dps-review">
      <h2 className="govuk-heading-m">{application.operatorName}'s documents</h2>
      {record.error && <ErrorSummary problems={problemsOf(record.error)} />}
      {record.data && (
        <>
          <Warnings record={record.data} />
          <DocumentTable record={record.data} />
        </>
      )}
      <form onSubmit={(e) => void decide(e)} noValidate data-testid="dps-decision-form">
        <ChoiceField
          frame={{ id: "dps-decision", label: "Decision" }}
          type="radio"
          choices={[
            { value: "admitted", text: "Admit" },
            { value: "refused", text: "Refuse" },
            { value: "suspended", text: "Suspend" },
          ]}
          checked={[]}
        />
        <TextField
          id="dps-reason"
          label="Reason"
          hint="Needed to refuse or suspend: the operator reads it."
          width="30"
        />
        <button type="submit" className="govuk-button">
          Record the decision
        </button>
      </form>
    </section>
  );
}

function ApplyForm({ onOutcome }: { onOutcome: Outcome }) {
  const buyers = useQuery({ queryKey: ["dps", "buyers"], queryFn: () => api.dpsBuyers() });
  const apply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const buyerId = String(form.get("dps-buyer") ?? "");
    const categories = form.getAll("dps-categories").map(String);
    const problems: Problem[] = [];
    if (!buyerId) problems.push({ text: "Choose the buyer", href: "#dps-buyer" });
    if (categories.length === 0)
      problems.push({ text: "Choose at least one category", href: "#dps-categories" });
    if (problems.length > 0) return onOutcome({ problems });
    try {
      const made = await api.applyToDps(buyerId, categories);
      onOutcome({ message: `Applied to ${made.buyerName}'s DPS.` });
    } catch (error) {
      onOutcome({
        problems: problemsOf(error, { buyerId: "dps-buyer", categories: "dps-categories" }),
      });
    }
  };
  const choices = (buyers.data ?? []).map((b) => ({ value: b.id, text: b.name }));
  return (
    <form onSubmit={(e) => void apply(e)} noValidate data-testid="dps-apply-form">
      <h2 className="govuk-heading-m">Apply to a dynamic purchasing system</h2>
      <SelectField
        frame={{ id: "dps-buyer", label: "Buyer" }}
        choices={choices}
        blank="Choose a buyer"
      />
      <ChoiceField
        frame={{ id: "dps-categories", label: "Categories you can supply" }}
        type="checkbox"
        choices={CATEGORY_CHOICES}
        checked={[]}
      />
      <button type="submit" className="govuk-button">
        Apply
      </button>
    </form>
  );
}

/**
 * The dynamic purchasing system: an operator's applications to buyers and its form to apply; a
 * buyer's applications received, each reviewed with the applicant's compliance documents and
 * decided (admit, refuse or suspend, with a reason).
 */
export function DpsPage({ user }: { user: ApiUser }) {
  useTitle("Dynamic purchasing system");
  const queries = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [reviewing, setReviewing] = useState<DpsApplicationPresented>();
  const supplier = user.role === "operator" || user.role === "admin";
  const buyer = user.role !== "operator";
  const writer = isAllowed(user.role, "dps", "write");
  const made = useQuery({
    queryKey: ["dps", "made"],
    queryFn: () => api.dpsApplications("made"),
    enabled: supplier,
  });
  const received = useQuery({
    queryKey: ["dps", "received"],
    queryFn: () => api.dpsApplications("received"),
    enabled: buyer,
  });
  const onOutcome: Outcome = (result) => {
    if ("message" in result) {
      setProblems([]);
      setMessage(result.message);
      setReviewing(undefined);
      void queries.invalidateQueries({ queryKey: ["dps"] });
    } else {
      setMessage(undefined);
      setProblems(result.problems);
    }
  };
  const withdraw = async (a: DpsApplicationPresented) => {
    try {
      await api.withdrawDpsApplication(a.id);
      onOutcome({ message: `Application to ${a.buyerName} withdrawn.` });
    } catch (error) {
      onOutcome({ problems: problemsOf(error) });
    }
  };
  const error = made.error ?? received.error;
  return (
    <div>
      {message && <NotificationBanner key={message} message={message} id="dps-saved" />}
      <h1 className="govuk-heading-l">Dynamic purchasing system</h1>
      <ErrorSummary problems={error ? problemsOf(error) : problems} />
      {buyer && (
        <>
          <h2 className="govuk-heading-m">Applications to your DPS</h2>
          {received.data && received.data.length > 0 ? (
            <ApplicationRows items={received.data} side="received" onChoose={setReviewing} />
          ) : (
            <p className="govuk-body">No applications.</p>
          )}
          {reviewing && writer && (
            <Review key={reviewing.id} application={reviewing} onOutcome={onOutcome} />
          )}
        </>
      )}
      {supplier && (
        <>
          <h2 className="govuk-heading-m">Your applications</h2>
          {made.data && made.data.length > 0 ? (
            <ApplicationRows items={made.data} side="made" onChoose={(a) => void withdraw(a)} />
          ) : (
            <p className="govuk-body">Your organisation has not applied to any DPS.</p>
          )}
          {writer && <ApplyForm onOutcome={onOutcome} />}
        </>
      )}
    </div>
  );
}
