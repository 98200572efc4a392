import type { DomainIssue } from "@tt/domain";
import type {
  AuditAction,
  ListQuery,
  Page,
  RecordRepository,
  Repositories,
  UnitOfWork,
} from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import { type Link, REGISTER, type RegisterKind } from "./resources";

type AnyRecord = { id: string };

/**
 * Create, read, update and delete for every register resource: authorised by role, scoped to the
 * actor's organisation, validated, linked rows checked, and personal data audited in the same
 * transaction as the change.
 */
export class RegisterService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async list(actor: Actor, kind: RegisterKind, query: ListQuery): Promise<Page<AnyRecord>> {
    authorise(actor, REGISTER[kind].resource, "read");
    const page = await this.repo(this.unitOfWork.repositories, kind).list(
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

  async get(actor: Actor, kind: RegisterKind, id: string): Promise<AnyRecord> {
    authorise(actor, REGISTER[kind].resource, "read");
    const found = await this.repo(this.unitOfWork.repositories, kind).find(
      actor.organisationId,
      id,
    );
    if (!found) throw notFound(REGISTER[kind].singular, id);
    await this.audit(this.unitOfWork.repositories, actor, kind, "read", [id]);
    return found;
  }

  async create(actor: Actor, kind: RegisterKind, body: unknown): Promise<AnyRecord> {
    authorise(actor, REGISTER[kind].resource, "write");
    const input = parseInput(REGISTER[kind].schema, body, REGISTER[kind].singular);
    return this.unitOfWork.transaction(async (repos) => {
      await assertLinksExist(repos, actor.organisationId, REGISTER[kind].links(input as never));
      const created = await this.repo(repos, kind).create(actor.organisationId, input);
      await this.audit(repos, actor, kind, "create", [created.id]);
      return created;
    });
  }

  async update(actor: Actor, kind: RegisterKind, id: string, body: unknown): Promise<AnyRecord> {
    authorise(actor, REGISTER[kind].resource, "write");
    const input = parseInput(REGISTER[kind].schema, body, REGISTER[kind].singular);
    return this.unitOfWork.transaction(async (repos) => {
      await assertLinksExist(repos, actor.organisationId, REGISTER[kind].links(input as never));
      const updated = await this.repo(repos, kind).update(actor.organisationId, id, input);
      if (!updated) throw notFound(REGISTER[kind].singular, id);
      await this.audit(repos, actor, kind, "update", [id]);
      return updated;
    });
  }

  async remove(actor: Actor, kind: RegisterKind, id: string): Promise<void> {
    authorise(actor, REGISTER[kind].resource, "write");
    await this.unitOfWork.transaction(async (repos) => {
      const removed = await this.repo(repos, kind).remove(actor.organisationId, id);
      if (!removed) throw notFound(REGISTER[kind].singular, id);
      await this.audit(repos, actor, kind, "delete", [id]);
    });
  }

  private repo(repos: Repositories, kind: RegisterKind): RecordRepository<AnyRecord, unknown> {
    return repos[kind] as unknown as RecordRepository<AnyRecord, unknown>;
  }

  private async audit(
    repos: Repositories,
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
  repos: Repositories,
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
