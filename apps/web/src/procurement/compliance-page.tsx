import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiUser, ComplianceRecordView } from "@tt/contract";
import { isAllowed } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { DateField, dateFromParts } from "../components/date-field";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import { useTitle } from "../components/use-title";
import { longDate } from "../sharing/agreement-words";
import {
  COMPLIANCE_FIELD_IDS,
  type ComplianceField,
  emailedText,
  KIND_CHOICES,
  kindName,
  readDocument,
  subjectOf,
  warningText,
} from "./compliance-words";

const RECORD_KEY = ["compliance"];

/** What needs doing: each lapsed or expiring document, soonest first. */
export function Warnings({ record }: { record: ComplianceRecordView }) {
  if (record.warnings.length === 0) {
    return <p className="govuk-body">No document lapses in the next 60 days.</p>;
  }
  return (
    <ul className="govuk-list govuk-list--bullet" data-testid="compliance-warnings">
      {record.warnings.map((w) => (
        <li key={w.documentId}>
          {w.daysLeft < 0 ? <strong>{warningText(w, record)}</strong> : warningText(w, record)}
          {emailedText(w) && <span className="govuk-hint"> {emailedText(w)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Every document held, with a delete button for those who may record them. */
export function DocumentTable({
  record,
  onDelete,
}: {
  record: ComplianceRecordView;
  onDelete?: ((id: string, name: string) => void) | undefined;
}) {
  if (record.items.length === 0) return <p className="govuk-body">No documents recorded.</p>;
  return (
    <table className="govuk-table" data-testid="compliance-documents">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Documents ({record.items.length})
      </caption>
      <TableHead
        labels={["Document", "About", "Issuer", "Number", "Expires", ...(onDelete ? [""] : [])]}
      />
      <tbody className="govuk-table__body">
        {record.items.map((d) => (
          <tr className="govuk-table__row" key={d.id}>
            <td className="govuk-table__cell">{kindName(d.kind)}</td>
            <td className="govuk-table__cell">{subjectOf(d, record)}</td>
            <td className="govuk-table__cell">{d.issuer}</td>
            <td className="govuk-table__cell">{d.number}</td>
            <td className="govuk-table__cell">
              {longDate(d.expiresOn)}
              {d.validFrom && ` (from ${longDate(d.validFrom)})`}
            </td>
            {onDelete && (
              <td className="govuk-table__cell">
                <button
                  type="button"
                  className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                  onClick={() => onDelete(d.id, `${kindName(d.kind)} ${d.number}`)}
                >
                  Delete<span className="govuk-visually-hidden"> {d.number}</span>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Records a document: its kind, the vehicle it is about (or none), issuer, number and dates. */
function RecordForm({ onSaved }: { onSaved: (text: string) => void }) {
  const queries = useQueryClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const vehicles = useQuery({
    queryKey: ["register", "vehicles", "compliance"],
    queryFn: () => api.list("vehicles", { limit: 500 }),
  });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (id: string) => String(form.get(id) ?? "");
    const read = readDocument({
      kind: text(COMPLIANCE_FIELD_IDS.kind),
      vehicleId: text(COMPLIANCE_FIELD_IDS.vehicleId),
      issuer: text(COMPLIANCE_FIELD_IDS.issuer),
      number: text(COMPLIANCE_FIELD_IDS.number),
      validFrom: dateFromParts(form, COMPLIANCE_FIELD_IDS.validFrom),
      expiresOn: dateFromParts(form, COMPLIANCE_FIELD_IDS.expiresOn),
    });
    if (!read.ok) return setProblems(read.problems);
    try {
      const stored = await api.recordComplianceDocument(read.body);
      setProblems([]);
      await queries.invalidateQueries({ queryKey: RECORD_KEY });
      onSaved(`${kindName(stored.kind)} ${stored.number} recorded.`);
    } catch (error) {
      setProblems(problemsOf(error, COMPLIANCE_FIELD_IDS));
    }
  };
  const errorOf = (key: ComplianceField) =>
    problems.find((p) => p.href === `#${COMPLIANCE_FIELD_IDS[key]}`)?.text;
  const id = (key: ComplianceField) => COMPLIANCE_FIELD_IDS[key];
  const choices = (vehicles.data?.items ?? []).map((v) => ({ value: v.id, text: v.reference }));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="compliance-form">
      <h2 className="govuk-heading-m">Record a document</h2>
      <p className="govuk-body">A renewal is recorded as a new document; the old one stays.</p>
      <ErrorSummary title="The document was not recorded" problems={problems} />
      <SelectField
        frame={{ id: id("kind"), label: "Kind of document", error: errorOf("kind") }}
        choices={KIND_CHOICES}
        blank="Choose a kind"
      />
      <SelectField
        frame={{
          id: id("vehicleId"),
          label: "Vehicle it is about",
          hint: "Leave as the organisation for an operator licence or a fleet policy.",
          error: errorOf("vehicleId"),
        }}
        choices={choices}
        blank="The organisation"
      />
      <TextField id={id("issuer")} label="Issued by" error={errorOf("issuer")} width="20" />
      <TextField id={id("number")} label="Number" error={errorOf("number")} width="10" />
      <DateField
        frame={{
          id: id("validFrom"),
          label: "Valid from (optional)",
          hint: "For a renewal that starts later.",
          error: errorOf("validFrom"),
        }}
        value=""
      />
      <DateField
        frame={{ id: id("expiresOn"), label: "Expires on", error: errorOf("expiresOn") }}
        value=""
      />
      <button type="submit" className="govuk-button" data-testid="record-document">
        Record the document
      </button>
    </form>
  );
}

/**
 * The organisation's licences, permits, insurance and MOTs: what lapses in the next 60 days or has
 * lapsed (a lapsed document keeps its vehicle, or all the organisation's vehicles, out of every
 * plan), the documents, and a form to record one.
 */
export function CompliancePage({ user }: { user: ApiUser }) {
  useTitle("Compliance documents");
  const queries = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const found = useQuery({ queryKey: RECORD_KEY, queryFn: () => api.complianceRecord() });
  const writer = isAllowed(user.role, "compliance", "write");
  const remove = async (id: string, name: string) => {
    try {
      await api.deleteComplianceDocument(id);
      setProblems([]);
      setMessage(`${name} deleted.`);
      await queries.invalidateQueries({ queryKey: RECORD_KEY });
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };
  return (
    <div>
      {message && <NotificationBanner key={message} message={message} id="compliance-saved" />}
      <h1 className="govuk-heading-l">Compliance documents</h1>
      <ErrorSummary problems={found.error ? problemsOf(found.error) : problems} />
      {found.data ? (
        <>
          <h2 className="govuk-heading-m">To act on</h2>
          <p className="govuk-body">
            Each warning is emailed once to your operators and administrators: 60, 30 and 7 days
            before a document expires, and when it lapses.
          </p>
          <Warnings record={found.data} />
          <DocumentTable
            record={found.data}
            onDelete={writer ? (id, name) => void remove(id, name) : undefined}
          />
        </>
      ) : (
        !found.error && <p className="govuk-body">Loading the documents…</p>
      )}
      {writer && <RecordForm onSaved={setMessage} />}
    </div>
  );
}
