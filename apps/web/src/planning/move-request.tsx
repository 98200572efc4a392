import { useNavigate } from "@tanstack/react-router";
import type { PlanChangeEvaluationView, PlanView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { clock, pounds } from "./format";

type Move = { request: string; toVehicle: string; position?: { pickup: number; dropoff: number } };

interface Choice {
  readonly id: string;
  readonly label: string;
}

/** Requests to move: unassigned first, then assigned by pick-up time. */
function requestChoices(
  plan: PlanView,
  reference: (id: string) => string,
  vehicle: (id: string) => string,
): Choice[] {
  const unassigned = plan.unassigned.map((u) => ({
    id: u.tripRequestId,
    label: `${reference(u.tripRequestId)} (unassigned)`,
    at: -1,
  }));
  const assigned = plan.runs.flatMap((run) =>
    run.stops.flatMap((s) =>
      s.kind === "pickup" && s.tripRequestId
        ? [
            {
              id: s.tripRequestId,
              label: `${reference(s.tripRequestId)} (${vehicle(run.vehicleId)}, ${clock(s.start)})`,
              at: s.start,
            },
          ]
        : [],
    ),
  );
  return [...unassigned, ...assigned.sort((a, b) => a.at - b.at)];
}

function positionOf(form: FormData): Move["position"] {
  const pickup = String(form.get("pickup-position") ?? "").trim();
  const dropoff = String(form.get("dropoff-position") ?? "").trim();
  if (pickup === "" && dropoff === "") return undefined;
  return { pickup: Number(pickup || 0), dropoff: Number(dropoff || pickup || 0) };
}

type Violation = PlanChangeEvaluationView["after"]["violations"][number];

/** A broken rule in a planner's words: the rule, the trip requests by reference, the stop. */
export function describeViolation(v: Violation, reference: (id: string) => string): string {
  const rule = v.constraint.replaceAll("-", " ");
  const who = v.requests.map(reference).join(", ");
  const where = v.stops.length > 0 ? ` at stop ${v.stops.map((s) => s + 1).join(", ")}` : "";
  const by = v.amount > 0 ? `, over by ${Math.round(v.amount * 10) / 10}` : "";
  return `${rule[0]?.toUpperCase() ?? ""}${rule.slice(1)}: ${who}${where}${by}`;
}

function Outcome({
  result,
  reference,
}: {
  result: PlanChangeEvaluationView;
  reference: (id: string) => string;
}) {
  const change = result.change.total;
  const violations = result.after.violations;
  return (
    <div data-testid="move-outcome" aria-live="polite">
      <p className="govuk-body">
        Cost change:{" "}
        <strong>
          {change >= 0 ? "+" : "−"}
          {pounds(Math.abs(change))}
        </strong>{" "}
        (before {pounds(result.before.cost.total)}, after {pounds(result.after.cost.total)}).
      </p>
      {violations.length === 0 ? (
        <p className="govuk-body">The change keeps every rule.</p>
      ) : (
        <div className="govuk-warning-text" data-testid="move-violations">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The change breaks {violations.length} {violations.length === 1 ? "rule" : "rules"}:
            <ul className="govuk-list govuk-list--bullet">
              {violations.slice(0, 10).map((v) => (
                <li
                  key={`${v.constraint}-${v.vehicle}-${v.stops.join(".")}-${v.requests.join(".")}`}
                >
                  {describeViolation(v, reference)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

/** Manual override: move one trip request to another run or position; check it, then save it. */
export function MoveRequest({
  plan,
  reference,
  vehicle,
}: {
  plan: PlanView;
  reference: (id: string) => string;
  vehicle: (id: string) => string;
}) {
  const navigate = useNavigate();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checked, setChecked] = useState<{ move: Move; result: PlanChangeEvaluationView }>();
  const runs = [...plan.runs].sort((a, b) => (a.stops[0]?.start ?? 0) - (b.stops[0]?.start ?? 0));
  const check = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const position = positionOf(form);
    const move: Move = {
      request: String(form.get("move-request") ?? ""),
      toVehicle: String(form.get("move-vehicle") ?? ""),
      ...(position ? { position } : {}),
    };
    try {
      setChecked({ move, result: await api.evaluatePlanChange(plan.id, { move }) });
      setProblems([]);
    } catch (error) {
      setChecked(undefined);
      setProblems(problemsOf(error));
    }
  };
  const save = async () => {
    if (!checked) return;
    try {
      const accept = checked.result.after.violations.length > 0;
      const revision = await api.savePlanRuns(plan.id, {
        move: checked.move,
        acceptViolations: accept,
        reason: "Planner's override",
      });
      await navigate({ to: "/planning/plans/$planId", params: { planId: revision.plan.id } });
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };
  return (
    <section aria-labelledby="move-heading" className="app-no-print">
      <h2 className="govuk-heading-m" id="move-heading">
        Move a trip request
      </h2>
      <ErrorSummary problems={problems} />
      <form onSubmit={check} noValidate>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="move-request">
            Trip request
          </label>
          <select className="govuk-select" id="move-request" name="move-request">
            {requestChoices(plan, reference, vehicle).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="move-vehicle">
            To the run of
          </label>
          <select className="govuk-select" id="move-vehicle" name="move-vehicle">
            {runs.map((run) => (
              <option key={run.id} value={run.vehicleId}>
                {vehicle(run.vehicleId)}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <div className="govuk-hint" id="position-hint">
            Stop positions in that run, counting from 0. Leave both empty for the cheapest place
            that keeps every rule.
          </div>
          <label className="govuk-label" htmlFor="pickup-position">
            Pick-up before stop
          </label>
          <input
            className="govuk-input govuk-input--width-3"
            id="pickup-position"
            name="pickup-position"
            inputMode="numeric"
            aria-describedby="position-hint"
          />
          <label className="govuk-label" htmlFor="dropoff-position">
            Drop-off before stop
          </label>
          <input
            className="govuk-input govuk-input--width-3"
            id="dropoff-position"
            name="dropoff-position"
            inputMode="numeric"
            aria-describedby="position-hint"
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Check the change
          </button>
          {checked && (
            <button type="button" className="govuk-button govuk-button--warning" onClick={save}>
              {checked.result.after.violations.length > 0 ? "Save it anyway" : "Save the change"}
            </button>
          )}
        </div>
      </form>
      {checked && <Outcome result={checked.result} reference={reference} />}
    </section>
  );
}
