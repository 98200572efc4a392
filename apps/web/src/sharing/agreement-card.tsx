import type { AgreementViewBody, ApiUser } from "@tt/contract";
import type { ReactNode } from "react";
import { AgreementActions, type AgreementOutcome } from "./agreement-actions";
import {
  itemDescription,
  itemName,
  lawfulBasisInWords,
  listInWords,
  longDate,
  partyName,
  permitsInWords,
  purposeName,
  statusTag,
} from "./agreement-words";

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Warnings({ view }: { view: AgreementViewBody }) {
  return view.warnings.map((warning) => (
    <div className="govuk-warning-text" key={warning.kind} data-testid="agreement-warning">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {warning.message}
      </strong>
    </div>
  ));
}

function Approvals({ view }: { view: AgreementViewBody }) {
  const { approvals } = view.agreement;
  if (approvals.length === 0) return "No one yet";
  return (
    <ul className="govuk-list">
      {approvals.map((a) => (
        <li key={a.organisationId}>
          {partyName(view, a.organisationId)}, on {longDate(a.approvedAt)}
        </li>
      ))}
    </ul>
  );
}

function DataItems({ view }: { view: AgreementViewBody }) {
  return (
    <ul className="govuk-list">
      {view.agreement.dataItems.map((item) => (
        <li key={item}>
          <strong>{itemName(item)}</strong>: {itemDescription(item)}
        </li>
      ))}
    </ul>
  );
}

/** The agreement's terms as a GOV.UK summary list. */
function Terms({ view }: { view: AgreementViewBody }) {
  const a = view.agreement;
  const missing = view.missingApprovals.map((id) => partyName(view, id));
  return (
    <dl className="govuk-summary-list">
      <Row name="Shared by">{listInWords(a.providers.map((id) => partyName(view, id)))}</Row>
      <Row name="Shared with">{listInWords(a.recipients.map((id) => partyName(view, id)))}</Row>
      <Row name="Purposes">{listInWords(a.purposes.map(purposeName))}</Row>
      <Row name="Data items">
        <DataItems view={view} />
      </Row>
      <Row name="Lawful basis">{lawfulBasisInWords(a.lawfulBasis)}</Row>
      <Row name="Caldicott guardian">
        {a.caldicottApproval
          ? `Approved by ${a.caldicottApproval.guardianName} on ${longDate(a.caldicottApproval.approvedOn)}`
          : a.dataItems.includes("health-detail")
            ? "Not yet approved: needed before it can be active"
            : "Not needed: no health detail is shared"}
      </Row>
      <Row name="Starts">{longDate(a.startDate)}</Row>
      <Row name="Review by">{longDate(a.reviewDate)}</Row>
      <Row name="Ends">{longDate(a.endDate)}</Row>
      <Row name="Approved by">
        <Approvals view={view} />
      </Row>
      <Row name="Still to approve">{missing.length === 0 ? "No one" : listInWords(missing)}</Row>
    </dl>
  );
}

/**
 * One data-sharing agreement as a GOV.UK summary card: its status, what it permits in plain
 * words, its warnings and terms, and for an administrator what they may do with it.
 */
export function AgreementCard({
  view,
  user,
  onOutcome,
}: {
  view: AgreementViewBody;
  user: ApiUser;
  onOutcome: (outcome: AgreementOutcome) => void;
}) {
  const a = view.agreement;
  const tag = statusTag(a.status);
  const headingId = `agreement-${a.id}`;
  return (
    <section
      className="govuk-summary-card"
      aria-labelledby={headingId}
      data-testid="agreement"
      data-reference={a.reference}
    >
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {a.reference}: {a.title}
        </h3>
        <strong className={tag.className} data-testid="agreement-status">
          {tag.text}
        </strong>
      </div>
      <div className="govuk-summary-card__content">
        <h4 className="govuk-heading-s">What it permits</h4>
        {permitsInWords(view).map((sentence) => (
          <p className="govuk-body" key={sentence} data-testid="agreement-permits">
            {sentence}
          </p>
        ))}
        <Warnings view={view} />
        <Terms view={view} />
        <AgreementActions view={view} user={user} onOutcome={onOutcome} />
      </div>
    </section>
  );
}
