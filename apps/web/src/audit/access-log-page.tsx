import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ApiUser } from "@tt/contract";
import { type FormEvent, useEffect, useState } from "react";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { Pagination } from "../components/pagination";
import { useTitle } from "../components/use-title";
import { type AccessLogSearch, auditQueryOf } from "./access-log-search";
import { AccessLogTable } from "./access-log-table";

const PAGE_SIZE = 25;

/** By agreement (one of the organisation's) and by passenger (their record's id). */
function Filters({
  search,
  onSearch,
}: {
  search: AccessLogSearch;
  onSearch: (search: AccessLogSearch) => void;
}) {
  const agreements = useQuery({ queryKey: ["agreements"], queryFn: () => api.listAgreements() });
  const [agreementId, setAgreementId] = useState(search.agreementId ?? "");
  const [resourceId, setResourceId] = useState(search.resourceId ?? "");
  useEffect(() => {
    setAgreementId(search.agreementId ?? "");
    setResourceId(search.resourceId ?? "");
  }, [search]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = { agreementId: agreementId || undefined, resourceId: resourceId.trim() };
    onSearch({ userId: search.userId, ...chosen, resourceId: chosen.resourceId || undefined });
  };
  return (
    <form onSubmit={submit} className="app-filters" data-testid="access-log-filters">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="agreement">
          Agreement
        </label>
        <select
          className="govuk-select"
          id="agreement"
          value={agreementId}
          onChange={(e) => setAgreementId(e.target.value)}
        >
          <option value="">Any, or none</option>
          {(agreements.data ?? []).map((v) => (
            <option key={v.agreement.id} value={v.agreement.id}>
              {v.agreement.reference}: {v.agreement.title}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="record">
          Passenger's record id
        </label>
        <div className="govuk-hint" id="record-hint">
          Who has seen this passenger's record: the id from the register
        </div>
        <input
          className="govuk-input govuk-input--width-30"
          id="record"
          aria-describedby="record-hint"
          maxLength={200}
          value={resourceId}
          onChange={(e) => setResourceId(e.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show entries
      </button>
    </form>
  );
}

/** The person the log is narrowed to, and the link that widens it again. */
function PersonFilter({ search }: { search: AccessLogSearch }) {
  if (!search.userId) return null;
  const rest = { ...search, userId: undefined, page: undefined };
  return (
    <p className="govuk-body" data-testid="person-filter">
      Only what one person did.{" "}
      <Link to="/access-log" search={rest}>
        Show everyone
      </Link>
    </p>
  );
}

/**
 * The auditor's view of access to the organisation's personal data: who read or changed which
 * records, when, why and under which data-sharing agreement, by person, agreement or passenger.
 * Partners' reads of the organisation's data are in its log; other organisations' logs are not.
 */
export function AccessLogPage({ user, search }: { user: ApiUser; search: AccessLogSearch }) {
  useTitle("Access log");
  const navigate = useNavigate();
  const query = auditQueryOf(search, PAGE_SIZE);
  const log = useQuery({
    queryKey: ["audit-log", query],
    queryFn: () => api.auditLog(query),
    placeholderData: keepPreviousData,
  });
  const go = (next: AccessLogSearch) =>
    navigate({ to: "/access-log", search: next, resetScroll: false });
  return (
    <>
      <h1 className="govuk-heading-l">Access log</h1>
      <p className="govuk-body">
        Who read or changed your organisation's personal data, when, why and under which
        data-sharing agreement. Partners' reads of your data are recorded here, naming the
        agreement.
      </p>
      <Filters search={search} onSearch={go} />
      <PersonFilter search={search} />
      <p className="govuk-body">
        <Link to="/access-log" search={{}}>
          Clear the filters
        </Link>
      </p>
      {log.error && <ErrorSummary problems={problemsOf(log.error)} />}
      {log.data && (
        <>
          <AccessLogTable
            page={log.data}
            user={user}
            search={search}
            busy={log.isPlaceholderData}
          />
          <Pagination
            offset={query.offset}
            limit={PAGE_SIZE}
            total={log.data.total}
            onPage={(offset) => go({ ...search, page: offset / PAGE_SIZE + 1 })}
          />
        </>
      )}
    </>
  );
}
