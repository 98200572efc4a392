import type { DomainIssue } from "@tt/domain";
import type {
  AuditAction,
  ListQuery,
  Page,
  RegisterRecord,
  RegisterRepositories,
  UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import { type Link, REGISTER, type RegisterKind, registerRepository } from "./resources";

/** The repositories the register's use cases read and write. */
/** The register's repositories, the audit log and the staging of large imports. */
export type RegisterUnitOfWork = UnitOfWorkOf<RegisterKind | "audit" | "imports">;
type RegisterRepositoriesWithAudit = RegisterUnitOfWork["repositories"];

/**
 * Create, read, update and delete for every register resource: authorised by role, scoped to the
 * actor's organisation, validated, linked rows checked, and personal data audited in the same
 * transaction as the change.
 */
export class RegisterService {
  constructor(private readonly unitOfWork: RegisterUnitOfWork) {}

  async list<K extends RegisterKind>(
    actor: Actor,
    kind: K,
    query: ListQuery,
  ): Promise<Page<RegisterRecord<K>>> {
    authorise(actor, REGISTER[kind].resource, "read");
    const page = await registerRepository(this.unitOfWork.repositories, kind).list(
      actor.organisationId,
      query,
    );
    await this.audit(
      this.unitOfWork.repositories,
      actor,
      kind,
      "list",
      page.items.map((r) => r.id),
    );
    return page;
  }

  async get<K extends RegisterKind>(actor: Actor, kind: K, id: string): Promise<RegisterRecord<K>> {
    authorise(actor, REGISTER[kind].resource, "read");
    const found = await registerRepository(this.unitOfWork.repositories, kind).find(
      actor.organisationId,
      id,
    );
    if (!found) throw notFound(REGISTER[kind].singular, id);
    await this.audit(this.unitOfWork.repositories, actor, kind, "read", [id]);
    return found;
  }

  async create<K extends RegisterKind>(
    actor: Actor,
    kind: K,
    body: unknown,
  ): Promise<RegisterRecord<K>> {
    authorise(actor, REGISTER[kind].resource, "write");
    const input = parseInput(REGISTER[kind].schema, body, REGISTER[kind].singular);
    return this.unitOfWork.transaction(async (repos) => {
      await assertLinksExist(repos, actor.organisationId, REGISTER[kind].links(input));
      const created = await registerRepository(repos, kind).create(actor.organisationId, input);
      await this.audit(repos, actor, kind, "create", [created.id]);
      return created;
    });
  }

  async update<K extends RegisterKind>(
    actor: Actor,
    kind: K,
    id: string,
    body: unknown,
  ): Promise<RegisterRecord<K>> {
    authorise(actor, REGISTER[kind].resource, "write");
    const input = parseInput(REGISTER[kind].schema, body, REGISTER[kind].singular);
    return this.unitOfWork.transaction(async (repos) => {
      await assertLinksExist(repos, actor.organisationId, REGISTER[kind].links(input));
      const updated = await registerRepository(repos, kind).update(actor.organisationId, id, input);
      if (!updated) throw notFound(REGISTER[kind].singular, id);
      await this.audit(repos, actor, kind, "update", [id]);
      return updated;
    });
  }

  async remove(actor: Actor, kind: RegisterKind, id: string): Promise<void> {
    authorise(actor, REGISTER[kind].resource, "write");
    await this.unitOfWork.transaction(async (repos) => {
      const removed = await registerRepository(repos, kind).remove(actor.organisationId, id);
      if (!removed) throw notFound(REGISTER[kind].singular, id);
      await this.audit(repos, actor, kind, "delete", [id]);
    });
  }

  private async audit(
    repos: RegisterRepositoriesWithAudit,
    actor: Actor,
    kind: RegisterKind,
    action: AuditAction,
    ids: string[],
  ) {
    if (!REGISTER[kind].personal) return;
    await repos.audit.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action,
      resource: REGISTER[kind].resource,
      resourceIds: ids,
      purpose: actor.purpose ?? `register: ${action} ${REGISTER[kind].resource}`,
    });
  }
}

/** Every linked row must exist in the same organisation; lists every missing link at once. */
export async function assertLinksExist(
  repos: RegisterRepositories,
  organisationId: string,
  links: readonly Link[],
): Promise<void> {
  const issues: DomainIssue[] = [];
  for (const link of links) {
    const found = await repos[link.kind].find(organisationId, link.id);
    if (!found) {
      issues.push({
        path: link.path,
        message: `no ${REGISTER[link.kind].singular} with id ${link.id} in your organisation`,
      });
    }
  }
  if (issues.length > 0)
    throw new AppError("validation-failed", "Some linked records do not exist.", issues);
}
