import type { ApiUser, AuditPage } from "@tt/contract";
import { Link } from "../components/link";
import { actionText, agreementOf, personOf, recordsText, whenText } from "./access-log-entry";
import type { AccessLogSearch } from "./access-log-search";

const head = "govuk-table__header";
const cell = "govuk-table__cell";

function Who({
  page,
  entry,
  user,
  search,
}: {
  page: AuditPage;
  entry: AuditPage["items"][number];
  user: ApiUser;
  search: AccessLogSearch;
}) {
  if (!entry.userId) return "The system";
  const person = personOf(entry, page.people);
  if (!person) return "A user who no longer exists";
  const partner = person.organisationId !== user.organisationId;
  return (
    <>
      <Link
        to="/access-log"
        search={{ ...search, page: undefined, userId: person.id }}
        data-testid="entry-person"
      >
        {person.displayName}
      </Link>
      <br />
      <span className="govuk-body-s">{person.email}</span>
      <br />
      <span className="govuk-body-s">
        {person.organisationName}
        {partner && <strong className="govuk-tag govuk-tag--blue app-tag-inline">Partner</strong>}
      </span>
    </>
  );
}

/** The log's page as a table: when, who, what, why and under which agreement. */
export function AccessLogTable({
  page,
  user,
  search,
  busy,
}: {
  page: AuditPage;
  user: ApiUser;
  search: AccessLogSearch;
  /** The page shown is the previous one while the next loads. */
  busy: boolean;
}) {
  if (page.items.length === 0) {
    return (
      <p className="govuk-body" data-testid="access-log" aria-busy={busy}>
        No entries match.
      </p>
    );
  }
  return (
    <table className="govuk-table" data-testid="access-log" aria-busy={busy}>
      <caption className="govuk-table__caption govuk-table__caption--m">
        Entries, newest first
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {["When", "Who", "What", "Why", "Agreement"].map((h) => (
            <th scope="col" className={head} key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {page.items.map((entry) => {
          const agreement = agreementOf(entry);
          return (
            <tr className="govuk-table__row" key={entry.id} data-testid="access-log-entry">
              <td className={cell}>{whenText(entry.at)}</td>
              <td className={cell}>
                <Who page={page} entry={entry} user={user} search={search} />
              </td>
              <td className={cell}>
                {actionText(entry)} {recordsText(entry)}
              </td>
              <td className={cell}>{entry.purpose}</td>
              <td className={cell}>
                {agreement ? (
                  <Link
                    to="/access-log"
                    search={{ ...search, page: undefined, agreementId: agreement.id }}
                    data-testid="entry-agreement"
                  >
                    {agreement.reference}
                  </Link>
                ) : (
                  "None: your own organisation"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
