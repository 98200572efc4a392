import { type FieldFrame, Fieldset } from "./form-group";
import type { Choice } from "./select-field";

/**
 * GOV.UK radios (one answer) or checkboxes (any number) under one question. The first input
 * has the field's id, so an error summary's link lands on it.
 */
export function ChoiceField({
  frame,
  type,
  choices,
  checked,
  onChoose,
}: {
  frame: FieldFrame;
  type: "radio" | "checkbox";
  choices: readonly Choice[];
  checked: readonly string[];
  /** Told the value of each input the user checks or unchecks. */
  onChoose?: (value: string) => void;
}) {
  const block = type === "radio" ? "govuk-radios" : "govuk-checkboxes";
  return (
    <Fieldset frame={frame}>
      <div className={`${block} ${block}--small`}>
        {choices.map((choice, index) => {
          const id = index === 0 ? frame.id : `${frame.id}-${index + 1}`;
          return (
            <div className={`${block}__item`} key={choice.value}>
              <input
                className={`${block}__input`}
                id={id}
                name={frame.id}
                type={type}
                value={choice.value}
                defaultChecked={checked.includes(choice.value)}
                onChange={onChoose ? () => onChoose(choice.value) : undefined}
              />
              <label className={`govuk-label ${block}__label`} htmlFor={id}>
                {choice.text}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
