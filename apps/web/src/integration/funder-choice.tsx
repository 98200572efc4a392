import { useQuery } from "@tanstack/react-query";
import type { AnalysableFundersView } from "@tt/contract";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";

type Funder = AnalysableFundersView["items"][number];

/** The funders by the organisation that holds them, in the order the API lists them. */
export function byOrganisation(funders: readonly Funder[]): [string, Funder[]][] {
  const groups = new Map<string, Funder[]>();
  for (const f of funders)
    groups.set(f.organisationId, [...(groups.get(f.organisationId) ?? []), f]);
  return [...groups.entries()];
}

/** The first box's id is the field's, so that the error summary's link reaches it. */
const boxId = (f: Funder, first: Funder | undefined) =>
  f.id === first?.id ? "funders" : `funder-${f.id}`;

function Group({ funders, firstOfAll }: { funders: Funder[]; firstOfAll: Funder | undefined }) {
  const first = funders[0];
  if (!first) return null;
  const under = first.agreement ? `, under agreement ${first.agreement.reference}` : "";
  return (
    <fieldset className="govuk-fieldset" data-testid="funder-group">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        {first.organisationName}
        {under}
      </legend>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {funders.map((f) => (
          <div className="govuk-checkboxes__item" key={f.id}>
            <input
              className="govuk-checkboxes__input"
              id={boxId(f, firstOfAll)}
              name="funder"
              type="checkbox"
              value={f.id}
              defaultChecked
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId(f, firstOfAll)}>
              {f.name}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Which budgets the analysis plans: the organisation's own, or for a partnership its members'
 * under their analysis agreements; members it cannot analyse are listed with the reason.
 */
export function FunderChoice({ error }: { error: string | undefined }) {
  const found = useQuery({
    queryKey: ["analysable-funders"],
    queryFn: () => api.analysableFunders(),
  });
  if (found.error) return <ErrorSummary problems={problemsOf(found.error)} />;
  if (!found.data) return <p className="govuk-body">Loading the budgets…</p>;
  const { items, skipped } = found.data;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby="funders-hint" data-testid="funders">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          Budgets to analyse
        </legend>
        <div className="govuk-hint" id="funders-hint">
          Each budget's trips are planned alone, then every combination of them together: 2 budgets
          make 3 plans, 6 make 63.
        </div>
        {error && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        {items.length === 0 && <p className="govuk-body">No budgets can be analysed.</p>}
        {byOrganisation(items).map(([organisationId, funders]) => (
          <Group key={organisationId} funders={funders} firstOfAll={items[0]} />
        ))}
      </fieldset>
      {skipped.length > 0 && (
        <div className="govuk-inset-text" data-testid="skipped-members">
          Not included:
          <ul className="govuk-list">
            {skipped.map((s) => (
              <li key={s.organisationId}>
                {s.name}: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
