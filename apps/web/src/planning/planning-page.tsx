import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiUser } from "@tt/contract";
import { type FormEvent, useEffect, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";
import { JobProgress, useJobEvents } from "./job-progress";

const STARTS_PLANS: readonly ApiUser["role"][] = ["admin", "commissioner"];
/** The demo's planning day: a Tuesday in term. */
const DEFAULT_DATE = "2026-11-24";

function FollowJob({ jobId }: { jobId: string }) {
  const state = useJobEvents(jobId);
  const queryClient = useQueryClient();
  const planId = state.job?.result?.planId;
  useEffect(() => {
    if (state.ended) void queryClient.invalidateQueries({ queryKey: ["plans"] });
  }, [state.ended, queryClient]);
  return (
    <>
      <JobProgress state={state} />
      {typeof planId === "string" && (
        <p className="govuk-body">
          <Link to="/planning/plans/$planId" params={{ planId }} data-testid="open-plan">
            View the plan
          </Link>
        </p>
      )}
    </>
  );
}

function StartPlanForm({ date, onStarted }: { date: string; onStarted: (jobId: string) => void }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const seconds = Number(form.get("time-limit"));
    try {
      const { jobId } = await api.startPlan({
        date: String(form.get("date") ?? ""),
        timeLimitSeconds: Number.isInteger(seconds) ? seconds : 0,
      });
      setProblems([]);
      onStarted(jobId);
    } catch (error) {
      setProblems(problemsOf(error, { date: "date", timeLimitSeconds: "time-limit" }));
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <h2 className="govuk-heading-m">Plan a day</h2>
      <TextField
        id="date"
        label="Date"
        hint="For example, 2026-11-24"
        defaultValue={date}
        width="10"
        error={errorOf("date")}
      />
      <TextField
        id="time-limit"
        label="Time limit, in seconds"
        hint="The planning engine searches for this long (1 to 600 seconds)."
        defaultValue="30"
        inputMode="numeric"
        width="4"
        error={errorOf("time-limit")}
      />
      <button type="submit" className="govuk-button">
        Start planning
      </button>
    </form>
  );
}

function PlanList() {
  const plans = useQuery({ queryKey: ["plans"], queryFn: () => api.listPlans({ limit: 20 }) });
  if (plans.error) return <ErrorSummary problems={problemsOf(plans.error)} />;
  if (!plans.data) return <p className="govuk-body">Loading plans…</p>;
  if (plans.data.items.length === 0) return <p className="govuk-body">No plans yet.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Recent plans</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Plan
          </th>
          <th scope="col" className="govuk-table__header">
            Date
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Assigned
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Unassigned
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {plans.data.items.map((plan) => (
          <tr className="govuk-table__row" key={plan.id}>
            <td className="govuk-table__cell">
              <Link to="/planning/plans/$planId" params={{ planId: plan.id }}>
                {plan.name}
              </Link>
            </td>
            <td className="govuk-table__cell">{plan.serviceDate}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {plan.summary.assigned}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {plan.summary.unassigned}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Start a day plan as a job, follow its progress, and open stored plans. */
/** `date` from the address (`/planning?date=2026-11-24`) fills in the form's date. */
export function PlanningPage({ user, date }: { user: ApiUser; date: string | undefined }) {
  useTitle("Planning");
  const [jobId, setJobId] = useState<string>();
  return (
    <>
      <h1 className="govuk-heading-l">Planning</h1>
      {STARTS_PLANS.includes(user.role) && (
        <StartPlanForm date={date ?? DEFAULT_DATE} onStarted={setJobId} />
      )}
      {jobId && <FollowJob key={jobId} jobId={jobId} />}
      <PlanList />
    </>
  );
}
