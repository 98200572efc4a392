import { type FieldFrame, Fieldset } from "./form-group";

const PARTS = [
  { key: "day", label: "Day", width: "2" },
  { key: "month", label: "Month", width: "2" },
  { key: "year", label: "Year", width: "4" },
] as const;

/** The "YYYY-MM-DD" a GOV.UK date input's three boxes make; "" when all are empty. */
export function dateFromParts(form: FormData, id: string): string {
  const [day, month, year] = PARTS.map((p) => String(form.get(`${id}-${p.key}`) ?? "").trim());
  if (!day && !month && !year) return "";
  return `${year}-${(month ?? "").padStart(2, "0")}-${(day ?? "").padStart(2, "0")}`;
}

/**
 * A GOV.UK date input: day, month and year boxes under one legend. The day box has the field's
 * id, so an error summary's link lands on it; `value` is "YYYY-MM-DD" or "".
 */
export function DateField({ frame, value }: { frame: FieldFrame; value: string }) {
  const [year = "", month = "", day = ""] = value ? value.split("-") : [];
  const values = { day, month, year };
  return (
    <Fieldset frame={frame}>
      <div className="govuk-date-input">
        {PARTS.map((part) => {
          const id = part.key === "day" ? frame.id : `${frame.id}-${part.key}`;
          const error = frame.error ? " govuk-input--error" : "";
          return (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={id}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error}`}
                  id={id}
                  name={`${frame.id}-${part.key}`}
                  inputMode="numeric"
                  defaultValue={values[part.key]}
                />
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
