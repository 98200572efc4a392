import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type Problem, partnershipPlans, problemsOf } from "../api";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { useTitle } from "../components/use-title";
import { longDate } from "../sharing/agreement-words";
import { MemberPlanSection } from "./member-plan-section";
import { planDateProblem } from "./member-plan-words";

const TITLE = "Your trips in partnership plans";

/** The day's plans that carry your trips, or why they cannot be shown. */
function PlansOfDay({ date }: { date: string }) {
  const plans = useQuery({
    queryKey: ["partnership-plans", date],
    queryFn: () => partnershipPlans(date),
  });
  if (plans.error) return <ErrorSummary problems={problemsOf(plans.error)} />;
  if (!plans.data) return <p className="govuk-body">Loading your trips…</p>;
  const day = longDate(date);
  if (plans.data.length === 0) {
    return (
      <p className="govuk-body" data-testid="no-member-plans">
        No partnership plan of {day} carries your trips.
      </p>
    );
  }
  const count = plans.data.length;
  return (
    <>
      <p className="govuk-body" data-testid="member-plans-count">
        {count === 1 ? "One plan" : `${count} plans`} of {day} carry your trips, newest first.
      </p>
      {plans.data.map((plan) => (
        <MemberPlanSection key={plan.planId} plan={plan} />
      ))}
    </>
  );
}

/**
 * For those who see the budgets of a partnership's member: their own trips in the partnership's
 * plans of a day, on which vehicle, when and at what cost; other members' trips are only counted.
 * The date is in the address (`/partnership-plans?date=2026-11-24`).
 */
export function PartnershipPlansPage({ date }: { date: string | undefined }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const navigate = useNavigate();
  useTitle(problems.length > 0 ? `Error: ${TITLE}` : TITLE);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = dateFromParts(new FormData(event.currentTarget), "date");
    const problem = planDateProblem(chosen);
    setProblems(problem ? [{ text: problem, href: "#date" }] : []);
    if (!problem) void navigate({ to: "/partnership-plans", search: { date: chosen } });
  };
  return (
    <>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body">
        Each plan of a day that your partnerships made with your trips in it: on which vehicle,
        when, and each trip's part of its run's cost, shared among the run's trips by minutes on
        board. Other members' trips are counted, never listed.
      </p>
      <form onSubmit={submit} noValidate data-testid="member-plans-date">
        <DateField
          key={date ?? ""}
          frame={{
            id: "date",
            label: "Date of the plans",
            hint: "For example, 24 11 2026",
            error: problems[0]?.text,
          }}
          value={date ?? ""}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show your trips
        </button>
      </form>
      {date && <PlansOfDay date={date} />}
    </>
  );
}
