import type { PlanSummaryView } from "@tt/contract";

type Pool = NonNullable<PlanSummaryView["pool"]>;

/** A two-column GOV.UK table: each row's first cell heads it. */
function PoolTable({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: readonly [string, string];
  rows: readonly (readonly [string, string])[];
  testId: string;
}) {
  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th scope="col" className="govuk-table__header" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map(([organisation, detail]) => (
          <tr className="govuk-table__row" key={organisation}>
            <th scope="row" className="govuk-table__header">
              {organisation}
            </th>
            <td className="govuk-table__cell">{detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A partnership's plan: the members whose days it pooled, each under its integrated-planning
 * agreement, and the members it left out, with the reason.
 */
export function PlanPool({ pool }: { pool: Pool }) {
  return (
    <section aria-labelledby="pool-heading" data-testid="plan-pool">
      <h2 className="govuk-heading-m" id="pool-heading">
        Members pooled
      </h2>
      <p className="govuk-body">
        This is a partnership's plan: it pools the trips and vehicles of the members below, each
        under its data-sharing agreement for integrated planning.
      </p>
      {pool.members.length === 0 ? (
        <p className="govuk-body">No member's day was pooled.</p>
      ) : (
        <PoolTable
          caption="Pooled"
          columns={["Member", "Agreement"]}
          rows={pool.members.map((m) => [m.organisation, m.agreement] as const)}
          testId="pool-members"
        />
      )}
      {pool.leftOut.length > 0 && (
        <PoolTable
          caption="Left out"
          columns={["Member", "Reason"]}
          rows={pool.leftOut.map((m) => [m.organisation, m.reason] as const)}
          testId="pool-left-out"
        />
      )}
    </section>
  );
}
