export const AUDIT_ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "delete",
  "import",
  "export",
  "erase",
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

/** Append-only, hash-chained record of access to personal data. */
export interface AuditLog {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  list(
    organisationId: string,
    query: { offset: number; limit: number; resource?: string; resourceId?: string },
  ): Promise<{ items: AuditEntry[]; total: number }>;
  /** Recomputes the chain; returns the id of the first broken row, or undefined when intact. */
  verify(organisationId: string): Promise<number | undefined>;
}
