import { useQuery } from "@tanstack/react-query";
import type { LotRule, PlanLotsView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { todayIso } from "../booking/booking-words";
import { ChoiceField } from "../components/choice-field";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { Fieldset } from "../components/form-group";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import {
  CATEGORY_CHOICES,
  COMPETITION_FIELD_IDS,
  DEADLINE_TIME_ID,
  deadlineInWords,
  isRule,
  needsInWords,
  planLabel,
  RULE_CHOICES,
  readCompetition,
  ruleName,
} from "./competition-words";
import { fieldIdsFor, poundsOf } from "./contract-words";
import { errorIn, type Outcome } from "./form-outcome";

const id = COMPETITION_FIELD_IDS;
const DEFAULT_PRICE_WEIGHT = 60;

/** The plan's lots under the rule, each with a checkbox to put it out (all checked). */
function LotsPreview({ proposed, error }: { proposed: PlanLotsView; error?: string | undefined }) {
  if (proposed.lots.length === 0) {
    return <p className="govuk-body">The plan has no runs to put out under this rule.</p>;
  }
  const numeric = ["Runs", "Days a year", "Cost a day", "Cost a year"];
  return (
    <Fieldset
      frame={{
        id: `${id.lots}-legend`,
        label: `Lots to put out (${ruleName(proposed.rule)}, plan of ${proposed.serviceDate})`,
        hint: "The costs are the plan's own estimate; all the lots are chosen unless you uncheck them.",
        error,
      }}
    >
      <table
        className="govuk-table govuk-table--small-text-until-tablet"
        data-testid="lots-preview"
      >
        <TableHead labels={["Put out", "Lot", ...numeric, "Vehicle needed"]} numeric={numeric} />
        <tbody className="govuk-table__body">
          {proposed.lots.map((lot, index) => {
            const box = index === 0 ? id.lots : `${id.lots}-${index + 1}`;
            return (
              <tr className="govuk-table__row" key={lot.name}>
                <td className="govuk-table__cell">
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    <div className="govuk-checkboxes__item">
                      <input
                        className="govuk-checkboxes__input"
                        id={box}
                        name={id.lots}
                        type="checkbox"
                        value={lot.name}
                        defaultChecked
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={box}>
                        <span className="govuk-visually-hidden">Put out {lot.name}</span>
                      </label>
                    </div>
                  </div>
                </td>
                <th scope="row" className="govuk-table__header">
                  {lot.name}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{lot.runs.length}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{lot.daysPerYear}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {poundsOf(lot.costPerDayPence)}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {poundsOf(lot.estimatedCostPence)}
                </td>
                <td className="govuk-table__cell">{needsInWords(lot.needs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Fieldset>
  );
}

/**
 * The buyer's form to put a plan's lots out to competition: the plan (the day's published plan
 * first), the rule, a preview of the lots to choose from, the title, the DPS categories invited,
 * the deadline, the contract's term and the weight of price.
 */
export function PutOutForm({
  problems,
  onOutcome,
}: {
  problems: readonly Problem[];
  onOutcome: Outcome;
}) {
  const today = todayIso();
  const plans = useQuery({
    queryKey: ["plans", "competitions"],
    queryFn: () => api.listPlans({ limit: 50 }),
  });
  const items = plans.data?.items ?? [];
  const published = items.filter((p) => p.status === "published");
  const fallback = published.find((p) => p.serviceDate === today) ?? published[0] ?? items[0];
  const [chosenPlan, setChosenPlan] = useState<string>();
  const [rule, setRule] = useState<LotRule>("school");
  const [preview, setPreview] = useState<{ planId: string; rule: LotRule }>();
  const [weight, setWeight] = useState(String(DEFAULT_PRICE_WEIGHT));
  const planId = chosenPlan ?? fallback?.id ?? "";
  const lots = useQuery({
    queryKey: ["competitions", "lots", preview?.planId, preview?.rule],
    queryFn: () => (preview ? api.planLots(preview.planId, preview.rule) : undefined),
    enabled: preview !== undefined,
  });
  const previewed = preview?.planId === planId && preview.rule === rule ? lots.data : undefined;
  const putOut = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? "");
    const read = readCompetition({
      planId: text(id.planId),
      rule: text(id.rule),
      lots: previewed && previewed.lots.length > 0 ? form.getAll(id.lots).map(String) : undefined,
      title: text(id.title),
      categories: form.getAll(id.categories).map(String),
      deadlineDay: dateFromParts(form, id.deadline),
      deadlineTime: text(DEADLINE_TIME_ID),
      startsOn: dateFromParts(form, id.startsOn),
      endsOn: dateFromParts(form, id.endsOn),
      priceWeight: text(id.priceWeight),
    });
    if (!read.ok) return onOutcome({ problems: read.problems });
    try {
      const made = await api.putOutCompetition(read.body);
      element.reset();
      setPreview(undefined);
      setWeight(String(DEFAULT_PRICE_WEIGHT));
      const invited = made.invited?.length ?? 0;
      onOutcome({
        message: `${made.title}: ${made.lots.length} lot${made.lots.length === 1 ? "" : "s"} put out to ${invited} operator${invited === 1 ? "" : "s"}, bids close at ${deadlineInWords(made.deadline)}.`,
        warning:
          invited === 0
            ? {
                text: "No operator admitted to your DPS in those categories was invited: nobody can bid. Admit operators under Purchasing system first.",
                reasons: [],
              }
            : undefined,
      });
    } catch (error) {
      onOutcome({ problems: problemsOf(error, fieldIdsFor(error, COMPETITION_FIELD_IDS)) });
    }
  };
  const planChoices = [...published, ...items.filter((p) => p.status !== "published")].map((p) => ({
    value: p.id,
    text: planLabel(p),
  }));
  const errorOf = (key: keyof typeof COMPETITION_FIELD_IDS) => errorIn(problems, id[key]);
  const weightNumber = Number(weight);
  const qualityWeight =
    /^\d{1,3}$/.test(weight.trim()) && weightNumber <= 100 ? String(100 - weightNumber) : "–";
  return (
    <form onSubmit={(e) => void putOut(e)} noValidate data-testid="competition-form">
      <h2 className="govuk-heading-m">Put lots out to competition</h2>
      <p className="govuk-body">
        The operators admitted to your dynamic purchasing system in the categories you choose are
        invited to bid, sealed, a day's price for each lot. Nobody can read a bid before the
        deadline.
      </p>
      {plans.error && <ErrorSummary problems={problemsOf(plans.error)} />}
      {plans.data && items.length === 0 ? (
        <p className="govuk-body">Your organisation has no plans yet: plan a day first.</p>
      ) : (
        <SelectField
          key={fallback?.id ?? "loading"}
          frame={{
            id: id.planId,
            label: "Plan",
            hint: "Its runs are packaged into lots. The day's published plan comes first.",
            error: errorOf("planId"),
          }}
          choices={planChoices}
          defaultValue={planId}
          blank={plans.data ? undefined : "Loading the plans…"}
          onChange={setChosenPlan}
        />
      )}
      <SelectField
        frame={{ id: id.rule, label: "Lots by", error: errorOf("rule") }}
        choices={RULE_CHOICES}
        defaultValue={rule}
        onChange={(value) => {
          if (isRule(value)) setRule(value);
        }}
      />
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-testid="preview-lots"
        disabled={!planId}
        onClick={() => setPreview({ planId, rule })}
      >
        Preview lots
      </button>
      {lots.error && preview && <ErrorSummary problems={problemsOf(lots.error)} />}
      {preview && !lots.data && !lots.error && <p className="govuk-body">Finding the lots…</p>}
      {previewed ? (
        <LotsPreview proposed={previewed} error={errorOf("lots")} />
      ) : (
        <p className="govuk-body">Without a preview, all the plan's lots under the rule go out.</p>
      )}
      <TextField
        id={id.title}
        label="Title"
        hint="What is being bought: for example, Fenland schools from September."
        error={errorOf("title")}
        width="30"
      />
      <ChoiceField
        frame={{
          id: id.categories,
          label: "Categories to invite",
          hint: "Operators admitted to your DPS in any of them are invited.",
          error: errorOf("categories"),
        }}
        type="checkbox"
        choices={CATEGORY_CHOICES}
        checked={[]}
      />
      <DateField
        frame={{ id: id.deadline, label: "Deadline for bids", error: errorOf("deadline") }}
        value=""
      />
      <TextField
        id={DEADLINE_TIME_ID}
        label="Time of the deadline"
        hint="24-hour clock, HH:MM: for example 12:00 (seconds may follow, as 12:00:30)."
        error={errorIn(problems, DEADLINE_TIME_ID)}
        inputMode="numeric"
        width="5"
      />
      <DateField
        frame={{ id: id.startsOn, label: "Contract starts on", error: errorOf("startsOn") }}
        value=""
      />
      <DateField
        frame={{
          id: id.endsOn,
          label: "Contract ends on (its last day)",
          error: errorOf("endsOn"),
        }}
        value=""
      />
      <TextField
        id={id.priceWeight}
        label="Weight of price, out of 100"
        hint="The cheapest bid scores it in full, the others in proportion."
        error={errorOf("priceWeight")}
        inputMode="numeric"
        width="3"
        defaultValue={String(DEFAULT_PRICE_WEIGHT)}
        onChange={(event) => setWeight(event.currentTarget.value)}
      />
      <p className="govuk-body" aria-live="polite" data-testid="quality-weight">
        Weight of quality: {qualityWeight} (100 less the weight of price), by your mark of each bid.
      </p>
      <button type="submit" className="govuk-button" data-testid="put-out">
        Put the lots out
      </button>
    </form>
  );
}
