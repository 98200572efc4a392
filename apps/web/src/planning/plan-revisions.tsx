import { useQuery } from "@tanstack/react-query";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { handBackLines, revisionRuns, revisionWhat, revisionWhen } from "./revision-words";

/** The plan's revisions, newest first: when, who, what and which runs. */
export function PlanRevisions({
  planId,
  vehicleName,
}: {
  planId: string;
  vehicleName: (id: string) => string;
}) {
  const history = useQuery({
    queryKey: ["plan-revisions", planId],
    queryFn: () => api.planRevisions(planId),
  });
  if (history.error) return <ErrorSummary problems={problemsOf(history.error)} />;
  const items = history.data?.items ?? [];
  return (
    <section aria-labelledby="revisions-heading" data-testid="plan-revisions">
      <h2 className="govuk-heading-m" id="revisions-heading">
        Revisions
      </h2>
      {!history.data && <p className="govuk-body">Loading the revisions…</p>}
      {items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Revisions of this plan, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {["Revision", "When", "Who", "What", "Runs", "Status"].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((entry) => (
              <tr key={entry.id} className="govuk-table__row" data-testid="plan-revision">
                <td className="govuk-table__cell">
                  {entry.id === planId ? (
                    `${entry.revision} (this one)`
                  ) : (
                    <Link to="/planning/plans/$planId" params={{ planId: entry.id }}>
                      {entry.revision}
                    </Link>
                  )}
                </td>
                <td className="govuk-table__cell">{revisionWhen(entry.createdAt)}</td>
                <td className="govuk-table__cell">{entry.by ?? "—"}</td>
                <td className="govuk-table__cell">
                  {revisionWhat(entry)}
                  {entry.handBack && (
                    <ul className="govuk-list govuk-body-s" data-testid="hand-back-change">
                      {handBackLines(entry, vehicleName).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="govuk-table__cell">{revisionRuns(entry, vehicleName)}</td>
                <td className="govuk-table__cell">{entry.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
