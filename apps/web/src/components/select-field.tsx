import { describedBy, type FieldFrame, FieldNotes, FormGroup } from "./form-group";

export interface Choice {
  readonly value: string;
  readonly text: string;
}

/** A GOV.UK select with its label, hint and error message; `blank` adds an empty first choice. */
export function SelectField({
  frame,
  choices,
  defaultValue,
  blank,
  onChange,
}: {
  frame: FieldFrame;
  choices: readonly Choice[];
  defaultValue?: string | undefined;
  blank?: string | undefined;
  /** Told the value chosen, as soon as it is chosen. */
  onChange?: (value: string) => void;
}) {
  return (
    <FormGroup error={frame.error}>
      <label className="govuk-label" htmlFor={frame.id}>
        {frame.label}
      </label>
      <FieldNotes frame={frame} />
      <select
        className={`govuk-select${frame.error ? " govuk-select--error" : ""}`}
        id={frame.id}
        name={frame.id}
        defaultValue={defaultValue}
        aria-describedby={describedBy(frame)}
        onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
      >
        {blank !== undefined && <option value="">{blank}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
