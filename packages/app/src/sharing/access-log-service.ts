import type { AuditEntry, AuditListQuery, UnitOfWorkOf } from "../ports";
import { type Actor, authorise } from "../shared";

/** What the access log reads: the organisation's audit log, and who its entries name. */
export type AccessLogUnitOfWork = UnitOfWorkOf<"audit" | "identity">;

/** Someone an entry names: a user of the organisation, or of a partner that read its data. */
export interface AccessLogPerson {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly organisationId: string;
  readonly organisationName: string;
}

export interface AccessLogPage {
  readonly items: AuditEntry[];
  readonly total: number;
  /** The people the page's entries name, each once. */
  readonly people: AccessLogPerson[];
}

/**
 * The auditor's view of access to the organisation's personal data: its own audit log only
 * (partners' reads of its data are written there, naming the agreement), by person, by agreement
 * or by record, with who each person is. Roles need the `audit-log` grant.
 */
export class AccessLogService {
  constructor(private readonly unitOfWork: AccessLogUnitOfWork) {}

  async list(actor: Actor, query: AuditListQuery): Promise<AccessLogPage> {
    authorise(actor, "audit-log", "read");
    const repos = this.unitOfWork.repositories;
    const page = await repos.audit.list(actor.organisationId, query);
    return { ...page, people: await peopleOf(repos, page.items) };
  }
}

async function peopleOf(
  repos: AccessLogUnitOfWork["repositories"],
  entries: readonly AuditEntry[],
): Promise<AccessLogPerson[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.userId ? [e.userId] : [])))];
  const organisations = new Map<string, string>();
  const people: AccessLogPerson[] = [];
  for (const id of ids) {
    const user = await repos.identity.findUser(id);
    if (!user) continue;
    let organisationName = organisations.get(user.organisationId);
    if (organisationName === undefined) {
      const found = await repos.identity.findOrganisation(user.organisationId);
      organisationName = found?.name ?? "";
      organisations.set(user.organisationId, organisationName);
    }
    const { displayName, email, organisationId } = user;
    people.push({ id, displayName, email, organisationId, organisationName });
  }
  return people;
}
