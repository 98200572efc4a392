import type { ReactNode } from "react";

/** What every GOV.UK field shares: an id, a label or legend, an optional hint and error. */
export interface FieldFrame {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** The ids a field's input is described by: its hint and its error message. */
export function describedBy({ id, hint, error }: FieldFrame): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim();
  return ids || undefined;
}

/** A GOV.UK form group, with the error modifier when its field has an error. */
export function FormGroup({
  error,
  children,
}: {
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>
  );
}

/** A field's hint and error message, under its label or legend. */
export function FieldNotes({ frame }: { frame: FieldFrame }) {
  return (
    <>
      {frame.hint && (
        <div id={`${frame.id}-hint`} className="govuk-hint">
          {frame.hint}
        </div>
      )}
      {frame.error && (
        <p id={`${frame.id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {frame.error}
        </p>
      )}
    </>
  );
}

/** A group of inputs under one question: a fieldset whose legend is the question. */
export function Fieldset({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  return (
    <FormGroup error={frame.error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(frame)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{frame.label}</legend>
        <FieldNotes frame={frame} />
        {children}
      </fieldset>
    </FormGroup>
  );
}
