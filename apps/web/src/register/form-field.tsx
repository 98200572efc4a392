import { ChoiceField } from "../components/choice-field";
import { DateField } from "../components/date-field";
import type { Choice } from "../components/select-field";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import type { FieldSpec } from "./form-model";

const INPUT_MODES = { number: "decimal", time: "numeric", text: undefined } as const;

/** One question of a register form, drawn with the GOV.UK component its type calls for. */
export function FormField({
  field,
  value,
  error,
  choices,
}: {
  field: FieldSpec;
  value: string | readonly string[] | undefined;
  error: string | undefined;
  choices?: readonly Choice[] | undefined;
}) {
  const frame = { id: field.name, label: field.label, hint: field.hint, error };
  const text = typeof value === "string" ? value : "";
  const options = choices ?? field.choices ?? [];
  switch (field.type) {
    case "select":
      return (
        <SelectField frame={frame} choices={options} defaultValue={text} blank={field.blank} />
      );
    case "radios":
      return <ChoiceField frame={frame} type="radio" choices={options} checked={[text]} />;
    case "checkboxes": {
      const checked = Array.isArray(value) ? value : [];
      return <ChoiceField frame={frame} type="checkbox" choices={options} checked={checked} />;
    }
    case "date":
      return <DateField frame={frame} value={text} />;
    default:
      return (
        <TextField
          {...frame}
          width={field.width}
          defaultValue={text}
          inputMode={INPUT_MODES[field.type]}
          spellCheck={field.type === "text" ? undefined : false}
        />
      );
  }
}
