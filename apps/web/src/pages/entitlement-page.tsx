import type { StoredEntitlementDecisionView } from "@tt/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";
import { pounds } from "../planning/format";

const FIELDS: Record<string, string> = {
  "case.pupil.age": "age",
  "case.school.walkingDistanceMiles": "walking-distance",
  "pupil.age": "age",
  "school.walkingDistanceMiles": "walking-distance",
};

function Checkbox({ id, label }: { id: string; label: string }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} name={id} type="checkbox" />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

function numberOr(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? "").trim();
  return text === "" ? undefined : Number(text);
}

/** A home-to-school case from the form, as the API's assess route takes it. */
function caseOf(form: FormData) {
  return {
    regime: "home-to-school",
    pupil: {
      age: numberOr(form.get("age")),
      lowIncome: form.has("low-income"),
      ehcPlan: form.has("ehc-plan"),
      mobilityProblem: form.has("mobility"),
    },
    school: {
      qualifying: true,
      nearestSuitable: form.get("nearest") !== "no",
      walkingDistanceMiles: numberOr(form.get("walking-distance")),
    },
  };
}

/** The decision: it takes focus when it arrives, so that it is read out and seen first. */
function Decision({ stored }: { stored: StoredEntitlementDecisionView }) {
  const d = stored.decision;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (stored) ref.current?.focus();
  }, [stored]);
  return (
    <section
      aria-labelledby="decision-heading"
      data-testid="decision"
      className="app-focus-target"
      tabIndex={-1}
      ref={ref}
    >
      <div
        className={`govuk-panel ${d.eligible ? "govuk-panel--confirmation" : "app-panel--refused"}`}
      >
        <h2 className="govuk-panel__title" id="decision-heading">
          {d.eligible ? "Entitled to free travel" : "Not entitled"}
        </h2>
        <div className="govuk-panel__body">{d.summary}</div>
      </div>
      <dl className="govuk-summary-list">
        {[
          ["Category", d.category.replaceAll("-", " ")],
          ["Legal basis", d.legalBasis],
          ["Review date", d.reviewDate],
          ["Appeal by", d.appealDeadline],
          ["Policy", `${d.policy.id} ${d.policy.version}`],
        ].map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="govuk-heading-m">Reasons</h3>
      <ul className="govuk-list govuk-list--bullet">
        {d.reasons.map((r) => (
          <li key={r.ruleId}>
            <strong>{r.met ? "Met" : "Not met"}:</strong> {r.text}{" "}
            <span className="govuk-hint">({r.source})</span>
          </li>
        ))}
      </ul>
      <h3 className="govuk-heading-m">Alternatives</h3>
      {d.alternatives.length === 0 ? (
        <p className="govuk-body">None offered.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {d.alternatives.map((a) => (
            <li key={a.kind}>
              {a.description} — about {pounds(a.annualCostPence / 100)} a year, paid by {a.paidBy}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Assess a pupil's entitlement to home-to-school transport and show the decision. */
export function EntitlementPage() {
  useTitle("Entitlement");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [decision, setDecision] = useState<StoredEntitlementDecisionView>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      setDecision(await api.assessEntitlement({ case: caseOf(new FormData(event.currentTarget)) }));
      setProblems([]);
    } catch (error) {
      setDecision(undefined);
      setProblems(problemsOf(error, FIELDS));
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">Assess a pupil: home to school</h1>
        <form onSubmit={submit} noValidate>
          <TextField id="age" label="Age" inputMode="numeric" width="2" error={errorOf("age")} />
          <TextField
            id="walking-distance"
            label="Walking distance to school, in miles"
            hint="The shortest safe walking route, measured"
            inputMode="decimal"
            width="4"
            error={errorOf("walking-distance")}
          />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Is it the nearest suitable school?
              </legend>
              <div className="govuk-radios govuk-radios--inline">
                {["yes", "no"].map((value) => (
                  <div className="govuk-radios__item" key={value}>
                    <input
                      className="govuk-radios__input"
                      id={`nearest-${value}`}
                      name="nearest"
                      type="radio"
                      value={value}
                      defaultChecked={value === "yes"}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={`nearest-${value}`}>
                      {value === "yes" ? "Yes" : "No"}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                What applies to the pupil?
              </legend>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <Checkbox id="low-income" label="From a low-income family" />
                <Checkbox id="ehc-plan" label="Has an education, health and care plan" />
                <Checkbox id="mobility" label="Has a mobility problem" />
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button">
            Assess
          </button>
        </form>
        {decision && <Decision stored={decision} />}
      </div>
    </div>
  );
}
