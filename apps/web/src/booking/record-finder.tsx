import { type FormEvent, useState } from "react";
import { problemsOf } from "../api";
import { describedBy, FieldNotes, FormGroup } from "../components/form-group";
import { type Found, foundText, settledChoice } from "./finder-words";

interface FinderProps {
  /** The search box's id; the error summary's links for this choice land on it. */
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  /** What is looked for, in the sentence "No … matches". */
  readonly noun: string;
  readonly find: (text: string) => Promise<Found[]>;
  readonly chosen: Found | undefined;
  readonly onChoose: (found: Found | undefined) => void;
  /** The booking's problem with this choice, from the page's error summary. */
  readonly error: string | undefined;
}

/** The rows found, each with a button that chooses it. */
function Matches({
  id,
  rows,
  onChoose,
}: {
  id: string;
  rows: readonly Found[];
  onChoose: (found: Found) => void;
}) {
  return (
    <table className="govuk-table" data-testid={`${id}-matches`}>
      <caption className="govuk-table__caption govuk-table__caption--s">
        {rows.length} found: choose one
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Reference
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            <td className="govuk-table__cell">{row.name}</td>
            <td className="govuk-table__cell">{row.reference}</td>
            <td className="govuk-table__cell">
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => onChoose(row)}
              >
                Choose<span className="govuk-visually-hidden"> {foundText(row)}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Finds a passenger or place by reference or name through the register's list route. A search
 * that finds exactly the reference typed (or only one row) chooses it; otherwise the rows found
 * are listed to choose from. Its own form, so that Enter in the box searches.
 */
export function RecordFinder({
  id,
  label,
  hint,
  noun,
  find,
  chosen,
  onChoose,
  error,
}: FinderProps) {
  const [rows, setRows] = useState<Found[]>([]);
  const [note, setNote] = useState<string>();
  const [searchError, setSearchError] = useState<string>();
  const search = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get(id) ?? "").trim();
    setNote(undefined);
    setSearchError(text === "" ? `Enter the ${noun}'s reference or name` : undefined);
    if (text === "") return;
    try {
      const found = await find(text);
      const settled = settledChoice(found, text);
      setRows(settled ? [] : found);
      if (found.length === 0) setNote(`No ${noun} matches “${text}”.`);
      onChoose(settled);
    } catch (failure) {
      setSearchError(problemsOf(failure)[0]?.text);
    }
  };
  const frame = { id, label, hint, error: searchError ?? error };
  return (
    <form onSubmit={search} noValidate data-testid={`${id}-form`}>
      <FormGroup error={frame.error}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        <FieldNotes frame={frame} />
        <input
          className={`govuk-input govuk-input--width-20${frame.error ? " govuk-input--error" : ""}`}
          id={id}
          name={id}
          type="search"
          maxLength={200}
          autoComplete="off"
          aria-describedby={describedBy(frame)}
        />
      </FormGroup>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Find
      </button>
      <div aria-live="polite">
        {note && <p className="govuk-body">{note}</p>}
        {chosen && (
          <p className="govuk-body" data-testid={`${id}-chosen`}>
            Chosen: <strong>{foundText(chosen)}</strong>
          </p>
        )}
      </div>
      {rows.length > 0 && (
        <Matches
          id={id}
          rows={rows}
          onChoose={(row) => {
            setRows([]);
            onChoose(row);
          }}
        />
      )}
    </form>
  );
}
