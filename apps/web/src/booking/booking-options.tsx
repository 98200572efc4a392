import type { BookingOptionsView } from "@tt/contract";
import {
  type BookingOption,
  entitledText,
  notEntitledText,
  optionCells,
  optionsSummary,
  refusalText,
  untriedText,
} from "./option-words";

type Entitlement = BookingOptionsView["entitlement"];

/** The entitlement check: a line when it passes, a GOV.UK warning when it does not. */
function EntitlementResult({ entitlement }: { entitlement: Entitlement }) {
  if (entitlement.ok) {
    return (
      <p className="govuk-body" data-testid="entitlement-ok">
        {entitledText(entitlement.regime)}
      </p>
    );
  }
  const { heading, detail } = notEntitledText(entitlement);
  return (
    <div className="govuk-warning-text" data-testid="entitlement-warning">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {heading}
        <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{detail}</p>
      </div>
    </div>
  );
}

const HEADERS = ["Vehicle", "Pick-up window", "Planned pick-up", "Drop-off"] as const;

function OptionRow({
  option,
  onBook,
  busy,
}: {
  option: BookingOption;
  onBook: (vehicleId: string) => void;
  busy: boolean;
}) {
  const cells = optionCells(option);
  return (
    <tr className="govuk-table__row" data-testid="booking-option">
      <th scope="row" className="govuk-table__header">
        {cells.vehicle}
      </th>
      <td className="govuk-table__cell">{cells.window}</td>
      <td className="govuk-table__cell">{cells.pickup}</td>
      <td className="govuk-table__cell">{cells.dropoff}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{cells.cost}</td>
      <td className="govuk-table__cell">{cells.detour}</td>
      <td className="govuk-table__cell">
        <button
          type="button"
          className="govuk-button govuk-!-margin-bottom-0"
          data-testid="book-button"
          disabled={busy}
          onClick={() => onBook(option.vehicleId)}
        >
          Book<span className="govuk-visually-hidden"> on {cells.vehicle}</span>
        </button>
      </td>
    </tr>
  );
}

function OptionsTable({
  options,
  onBook,
  busy,
}: {
  options: readonly BookingOption[];
  onBook: (vehicleId: string) => void;
  busy: boolean;
}) {
  return (
    <table className="govuk-table" data-testid="booking-options">
      <caption className="govuk-table__caption govuk-table__caption--m">Options</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {HEADERS.map((header) => (
            <th scope="col" className="govuk-table__header" key={header}>
              {header}
            </th>
          ))}
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Added cost
          </th>
          <th scope="col" className="govuk-table__header">
            Detour for others
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {options.map((option) => (
          <OptionRow key={option.vehicleId} option={option} onBook={onBook} busy={busy} />
        ))}
      </tbody>
    </table>
  );
}

/** Why no vehicle can take the trip, and the search of every vehicle when some were not tried. */
function NoOptions({
  view,
  onEveryRun,
  busy,
}: {
  view: BookingOptionsView;
  onEveryRun: (() => void) | undefined;
  busy: boolean;
}) {
  return (
    <div data-testid="no-options">
      {view.refusals.length > 0 && (
        <ul className="govuk-list govuk-list--bullet" data-testid="refusals">
          {view.refusals.map((refusal) => (
            <li key={refusal.reason}>{refusalText(refusal)}</li>
          ))}
        </ul>
      )}
      {view.untried > 0 && onEveryRun && (
        <>
          <p className="govuk-body">{untriedText(view.untried)}</p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-testid="search-every-vehicle"
            disabled={busy}
            onClick={onEveryRun}
          >
            Search every vehicle
          </button>
        </>
      )}
    </div>
  );
}

/**
 * What the search found: the entitlement check, then up to three options each with its "Book"
 * button, or why there are none.
 */
export function BookingOptions({
  view,
  onBook,
  onEveryRun,
  busy,
}: {
  view: BookingOptionsView;
  onBook: (vehicleId: string) => void;
  /** Absent when every vehicle was tried already. */
  onEveryRun: (() => void) | undefined;
  busy: boolean;
}) {
  return (
    <section aria-labelledby="options-heading" data-testid="booking-result">
      <h2 className="govuk-heading-m" id="options-heading">
        Where the trip fits
      </h2>
      <EntitlementResult entitlement={view.entitlement} />
      <p className="govuk-body" aria-live="polite">
        {optionsSummary(view)}
      </p>
      {view.options.length > 0 ? (
        <OptionsTable options={view.options} onBook={onBook} busy={busy} />
      ) : (
        <NoOptions view={view} onEveryRun={onEveryRun} busy={busy} />
      )}
    </section>
  );
}
