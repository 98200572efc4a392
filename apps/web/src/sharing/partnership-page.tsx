import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiUser, PartnershipView } from "@tt/contract";
import { useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { useTitle } from "../components/use-title";
import type { AgreementOutcome } from "./agreement-actions";
import { AgreementCard } from "./agreement-card";

const KIND_NAMES: Record<PartnershipView["members"][number]["kind"], string> = {
  council: "Council",
  "nhs-body": "NHS body",
  operator: "Operator",
  "community-transport": "Community transport",
  "local-consortium": "Local consortium",
  partnership: "Partnership",
};

function Members({ partnership }: { partnership: PartnershipView }) {
  return (
    <table className="govuk-table" data-testid="partnership-members">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {partnership.name}: members
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Organisation
          </th>
          <th scope="col" className="govuk-table__header">
            Kind
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {partnership.members.map((m) => (
          <tr className="govuk-table__row" key={m.id}>
            <td className="govuk-table__cell">{m.name}</td>
            <td className="govuk-table__cell">{KIND_NAMES[m.kind]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Partnerships() {
  const found = useQuery({ queryKey: ["partnerships"], queryFn: () => api.listPartnerships() });
  if (found.error) return <ErrorSummary problems={problemsOf(found.error)} />;
  if (!found.data) return <p className="govuk-body">Loading the partnership…</p>;
  if (found.data.length === 0)
    return <p className="govuk-body">Your organisation is not in a partnership.</p>;
  return found.data.map((p) => (
    <div key={p.organisationId}>
      <Members partnership={p} />
      <p className="govuk-body">
        Mixing policy: <strong>{p.mixingPolicy}</strong>. Membership alone shares nothing: a
        partnership reaches a member's data only through an active agreement below.
      </p>
    </div>
  ));
}

function Agreements({
  user,
  onOutcome,
}: {
  user: ApiUser;
  onOutcome: (outcome: AgreementOutcome) => void;
}) {
  const found = useQuery({ queryKey: ["agreements"], queryFn: () => api.listAgreements() });
  if (found.error) return <ErrorSummary problems={problemsOf(found.error)} />;
  if (!found.data) return <p className="govuk-body">Loading the agreements…</p>;
  if (found.data.length === 0)
    return <p className="govuk-body">Your organisation is party to no data-sharing agreement.</p>;
  return found.data.map((view) => (
    <AgreementCard key={view.agreement.id} view={view} user={user} onOutcome={onOutcome} />
  ));
}

/**
 * The partnership's members and the data-sharing agreements the user's organisation is a party
 * to: status, parties, purposes, data items, lawful basis, dates, warnings and approvals, what
 * each permits in plain words; administrators approve, activate, suspend and end them here.
 */
export function PartnershipPage({ user }: { user: ApiUser }) {
  useTitle("Partnership and agreements");
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string>();
  const onOutcome = (outcome: AgreementOutcome) => {
    if (outcome.ok) {
      setProblems([]);
      setMessage(outcome.message);
      void queryClient.invalidateQueries({ queryKey: ["agreements"] });
    } else {
      setMessage(undefined);
      setProblems(outcome.problems);
    }
  };
  return (
    <>
      <ErrorSummary problems={problems} />
      {message && <NotificationBanner key={message} message={message} />}
      <h1 className="govuk-heading-l">Partnership and agreements</h1>
      <Partnerships />
      <h2 className="govuk-heading-m">Data-sharing agreements</h2>
      <p className="govuk-body">
        An organisation's data is reached from another only while an active agreement covers the
        purpose and the data item. Every party's administrator must approve an agreement before it
        is active; suspending or ending it stops access at once.
      </p>
      <Agreements user={user} onOutcome={onOutcome} />
    </>
  );
}
