import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/text-field";
import { FunderChoice } from "./funder-choice";

const FIELDS = {
  date: "date",
  timeLimitSeconds: "time-limit",
  iterations: "iterations",
  funderIds: "funders",
};

/** The request from the form: the budgets ticked, and iterations only when given. */
function bodyOf(form: FormData) {
  const iterations = String(form.get("iterations") ?? "").trim();
  return {
    date: String(form.get("date") ?? ""),
    timeLimitSeconds: Number(form.get("time-limit")) || 0,
    ...(iterations === "" ? {} : { iterations: Number(iterations) }),
    funderIds: form.getAll("funder").map(String),
  };
}

/** The analysis's day, budgets and time per plan; starting it answers the job's id. */
export function AnalysisForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const started = await api.startIntegrationAnalysis(bodyOf(new FormData(event.currentTarget)));
      setProblems([]);
      onStarted(started.jobId);
    } catch (error) {
      setProblems(problemsOf(error, FIELDS));
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  return (
    <>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Integration report</h1>
      <p className="govuk-body">
        Plans each funder's trips alone and all together on the same data, and shares the pooled
        cost between funders.
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="date"
          label="Date"
          defaultValue="2026-11-24"
          width="10"
          error={errorOf("date")}
        />
        <FunderChoice error={errorOf("funders")} />
        <TextField
          id="time-limit"
          label="Seconds for each plan"
          defaultValue="10"
          inputMode="numeric"
          width="4"
          error={errorOf("time-limit")}
        />
        <TextField
          id="iterations"
          label="Iterations for each plan (optional)"
          hint="Stops each plan after this many steps of the planning engine, if sooner."
          inputMode="numeric"
          width="5"
          error={errorOf("iterations")}
        />
        <button type="submit" className="govuk-button">
          Run the analysis
        </button>
      </form>
    </>
  );
}
