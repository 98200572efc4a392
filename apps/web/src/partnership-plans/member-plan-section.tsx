import type { MemberPlan } from "../api";
import { whenText } from "../audit/access-log-entry";
import { reasonText } from "../planning/format";
import { longDate } from "../sharing/agreement-words";
import { hasReferences, memberPlanFacts, unservedByReason } from "./member-plan-words";
import { MemberTripsTable } from "./member-trips-table";

function Facts({ plan }: { plan: MemberPlan }) {
  return (
    <dl className="govuk-summary-list" data-testid="member-plan-summary">
      {memberPlanFacts(plan).map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Your trips the plan leaves unserved: how many for each reason, and each one when named. */
function Unserved({ plan, references }: { plan: MemberPlan; references: boolean }) {
  const id = `unserved-${plan.planId}`;
  return (
    <section aria-labelledby={id} data-testid="member-unserved">
      <h3 className="govuk-heading-s" id={id}>
        Your unserved trips
      </h3>
      {plan.unassigned.length === 0 ? (
        <p className="govuk-body">Every one of your trips in this plan has a place on a run.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {unservedByReason(plan.unassigned).map(([reason, count]) => (
            <li key={reason}>
              {count.toLocaleString("en-GB")}: {reason}
            </li>
          ))}
        </ul>
      )}
      {references && plan.unassigned.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Your unserved trips and why
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Trip request
              </th>
              <th scope="col" className="govuk-table__header">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {plan.unassigned.map((u) => (
              <tr className="govuk-table__row" key={u.tripRequestId}>
                <td className="govuk-table__cell">{u.reference ?? "Not shown"}</td>
                <td className="govuk-table__cell">{reasonText(u.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Your part of one partnership's plan: what it carries of yours, when, and at what cost. */
export function MemberPlanSection({ plan }: { plan: MemberPlan }) {
  const id = `plan-${plan.planId}`;
  const references = hasReferences(plan);
  return (
    <section aria-labelledby={id} className="app-member-plan" data-testid="member-plan">
      <h2 className="govuk-heading-m" id={id}>
        <span className="govuk-caption-m">{plan.partnership}</span>
        Plan for {longDate(plan.serviceDate)}, revision {plan.revision}
        <span className="govuk-caption-m">Made {whenText(plan.createdAt)}</span>
      </h2>
      <Facts plan={plan} />
      {!references && plan.trips.length + plan.unassigned.length > 0 && (
        <p className="govuk-body" data-testid="references-withheld">
          Trip references are shown only to roles that may read passengers.
        </p>
      )}
      {plan.trips.length === 0 ? (
        <p className="govuk-body">None of your trips has a place on this plan's runs.</p>
      ) : (
        <MemberTripsTable trips={plan.trips} references={references} />
      )}
      <Unserved plan={plan} references={references} />
    </section>
  );
}
