import type { InputHTMLAttributes } from "react";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
};

/** A GOV.UK text input with its label, hint and error message. */
export function TextField({ id, label, hint, error, width, className, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim();
  const widthClass = width ? ` govuk-input--width-${width}` : "";
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        className={`govuk-input${widthClass}${error ? " govuk-input--error" : ""}${className ? ` ${className}` : ""}`}
        aria-describedby={described || undefined}
        {...input}
      />
    </div>
  );
}
