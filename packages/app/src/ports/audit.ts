export const AUDIT_ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "delete",
  "import",
  "export",
  "erase",
  "publish",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryInput {
  readonly organisationId: string;
  readonly userId: string | null;
  readonly action: AuditAction;
  readonly resource: string;
  readonly resourceIds: readonly string[];
  /** Why the data was touched, e.g. "register: view passenger" or a job's stated purpose. */
  readonly purpose: string;
  readonly details?: Record<string, unknown>;
}

export interface AuditEntry extends AuditEntryInput {
  readonly id: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** Which of an organisation's entries to list: every filter given must match. */
export interface AuditListQuery {
  readonly offset: number;
  readonly limit: number;
  readonly resource?: string;
  /** Entries that name this record among their `resourceIds`. */
  readonly resourceId?: string;
  /** Entries of what this user did. */
  readonly userId?: string;
  /** Entries that name this data-sharing agreement (`details.agreementId`). */
  readonly agreementId?: string;
}

/** Append-only, hash-chained record of access to personal data. */
export interface AuditLog {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  list(
    organisationId: string,
    query: AuditListQuery,
  ): Promise<{ items: AuditEntry[]; total: number }>;
  /** Recomputes the chain; returns the id of the first broken row, or undefined when intact. */
  verify(organisationId: string): Promise<number | undefined>;
}
