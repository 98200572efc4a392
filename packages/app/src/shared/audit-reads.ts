import type { Repositories } from "../ports";
import type { Actor } from "./actor";

/** What a planning use case read of the register's personal data, for the audit log. */
export interface PersonalRead {
  /** The register resource read, e.g. "passengers" or "staff". */
  readonly resource: string;
  readonly ids: readonly string[];
  /** Why, unless the caller stated a purpose of their own (`actor.purpose`). */
  readonly purpose: string;
  readonly details: Record<string, unknown>;
}

/** Appends an audit row saying that the actor read these records, and why. */
export async function recordRead(
  repos: Pick<Repositories, "audit">,
  actor: Actor,
  read: PersonalRead,
): Promise<void> {
  await repos.audit.append({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: "read",
    resource: read.resource,
    resourceIds: read.ids,
    purpose: actor.purpose ?? read.purpose,
    details: read.details,
  });
}
