import { isAllowed, type Resource, type Role } from "@tt/domain";
import { AppError } from "../shared";

/** Who is acting: every use case takes one, and every query is scoped to its organisation. */
export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly role: Role;
  /** A driver's or passenger assistant's staff record: they see only the runs it crews. */
  readonly staffId?: string;
  /** A fleet manager's operator record: they see only runs on its vehicles. */
  readonly operatorId?: string;
  /** Why personal data is being touched; recorded in the audit log. */
  readonly purpose?: string;
}

/** Throws `forbidden` unless the actor's role grants the access. */
export function authorise(actor: Actor, resource: Resource, access: "read" | "write"): void {
  if (!isAllowed(actor.role, resource, access)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not ${access} ${resource}.`);
  }
}
