import type { InputHTMLAttributes } from "react";
import { describedBy, FieldNotes, FormGroup } from "./form-group";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly width?: "2" | "3" | "4" | "5" | "10" | "20" | "30" | undefined;
};

/** A GOV.UK text input with its label, hint and error message. */
export function TextField({ id, label, hint, error, width, className, ...input }: TextFieldProps) {
  const frame = { id, label, hint, error };
  const widthClass = width ? ` govuk-input--width-${width}` : "";
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <FieldNotes frame={frame} />
      <input
        id={id}
        name={id}
        className={`govuk-input${widthClass}${error ? " govuk-input--error" : ""}${className ? ` ${className}` : ""}`}
        aria-describedby={describedBy(frame)}
        {...input}
      />
    </FormGroup>
  );
}
