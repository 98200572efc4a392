import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ResourceKind, ResourceRecord } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import type { Choice } from "../components/select-field";
import { useTitle } from "../components/use-title";
import { checkValues, readValues, serverProblems } from "./form-checks";
import { FormField } from "./form-field";
import type { FormSpec, Values } from "./form-model";
import { REGISTER_FORMS, savedMessage } from "./register-forms";
import { REGISTER_VIEWS, type RegisterViewKey } from "./register-views";

type Spec = FormSpec<ResourceKind>;
type Row = ResourceRecord<ResourceKind>;

/** The stored row and the form's answers from it. */
async function loadRow(spec: Spec, id: string): Promise<{ row: Row; values: Values }> {
  const row = await api.get(spec.kind, id);
  return { row, values: await spec.valuesOf(row) };
}

/** Checks the answers, then creates or updates the row: the problems, or none when saved. */
async function save(spec: Spec, form: FormData, row: Row | undefined): Promise<Problem[]> {
  const values = readValues(form, spec.fields);
  const problems = checkValues(spec.fields, values);
  if (problems.length > 0) return problems;
  try {
    const made = await spec.inputOf(values, row);
    if ("problems" in made) return made.problems;
    if (row) await api.update(spec.kind, row.id, made.input);
    else await api.create(spec.kind, made.input);
    return [];
  } catch (error) {
    return serverProblems(error, spec.fields);
  }
}

/** The form's stored row and choices, and its submit handler: problems, or back to the table. */
function useRegisterForm(key: RegisterViewKey, id: string | undefined) {
  const spec = REGISTER_FORMS[key];
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const stored = useQuery({
    queryKey: ["register-form", spec.kind, id],
    queryFn: () => loadRow(spec, id ?? ""),
    enabled: id !== undefined,
    staleTime: 0,
  });
  const choices = useQuery({
    queryKey: ["register-choices", spec.kind],
    queryFn: async (): Promise<Record<string, Choice[]>> => (await spec.loadChoices?.()) ?? {},
  });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const found = await save(spec, new FormData(event.currentTarget), stored.data?.row);
    setBusy(false);
    setProblems(found);
    if (found.length > 0) return;
    await queryClient.invalidateQueries({ queryKey: ["register", spec.kind] });
    const banner = savedMessage(spec.singular, id !== undefined);
    await navigate({ to: `/register/${key}`, state: { banner } });
  };
  const values = id ? stored.data?.values : (spec.initial ?? {});
  return {
    spec,
    problems,
    submit,
    values,
    choices: choices.data,
    failed: stored.error ?? choices.error,
  };
}

/** Add a row to a register (`id` undefined) or edit one, with GOV.UK error summaries. */
export function RegisterFormPage({ view: key, id }: { view: RegisterViewKey; id?: string }) {
  const { spec, problems, submit, values, choices, failed } = useRegisterForm(key, id);
  const title = `${id ? "Edit" : "Add"} a ${spec.singular}`;
  useTitle(problems.length > 0 ? `Error: ${title}` : title);
  if (failed) return <ErrorSummary problems={problemsOf(failed)} />;
  if (!values || !choices) return <p className="govuk-body">Loading…</p>;
  const errorOf = (name: string) => problems.find((p) => p.href === `#${name}`)?.text;
  return (
    <>
      <Link to={`/register/${key}`} className="govuk-back-link">
        Back to {REGISTER_VIEWS[key].title.toLowerCase()}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <h1 className="govuk-heading-l">{title}</h1>
          <form onSubmit={submit} noValidate data-testid="register-form">
            {spec.fields.map((field) => (
              <FormField
                key={field.name}
                field={field}
                value={values[field.name]}
                error={errorOf(field.name)}
                choices={choices[field.name]}
              />
            ))}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Save {spec.singular}
              </button>
              <Link to={`/register/${key}`}>Cancel</Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
