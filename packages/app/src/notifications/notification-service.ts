import { randomBytes } from "node:crypto";
import { type Contact, contactInputSchema, type MessageStatus } from "@tt/domain";
import {
  type Clock,
  type StoredContact,
  type StoredMessage,
  systemClock,
  type UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput, periodSchema } from "../shared";

export type NotificationUnitOfWork = UnitOfWorkOf<"passengers" | "contacts" | "messages" | "audit">;

/** Messages listed at most, newest first. */
export const MESSAGES_LISTED = 200;
/** Days one message log spans at most. */
export const MAX_MESSAGE_DAYS = 31;

const messageLogQuerySchema = periodSchema(MAX_MESSAGE_DAYS);

/** The shape of an opt-out link's token: 24 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** A contact as the desk sees it (never its opt-out token). */
function shown({ optOutToken: _token, organisationId: _org, ...contact }: StoredContact): Contact {
  return contact;
}

/** A message as the desk sees it. */
export type MessageView = StoredMessage;

/** How many of the listed messages stand in each status. */
export type MessageCounts = Partial<Record<MessageStatus, number>>;

/**
 * A passenger's contacts (where pick-up times and changes go) and the log of every message:
 * roles that keep passengers' records (booking agents, commissioners, assessors) keep contacts and
 * read the log; every read and change is audited without the address. Anyone holding a message's
 * opt-out link can stop further messages to that contact, and nothing else.
 */
export class NotificationService {
  constructor(
    private readonly unitOfWork: NotificationUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async contacts(actor: Actor, passengerId: string): Promise<Contact[]> {
    authorise(actor, "passengers", "read");
    await this.mustHold(actor, passengerId);
    const list = await this.unitOfWork.repositories.contacts.listForPassenger(
      actor.organisationId,
      passengerId,
    );
    await this.audit(actor, "read", [passengerId], "booking desk: passenger's contacts");
    return list.map(shown);
  }

  async addContact(actor: Actor, passengerId: string, body: unknown): Promise<Contact> {
    authorise(actor, "passengers", "write");
    const input = parseInput(contactInputSchema, body, "contact");
    await this.mustHold(actor, passengerId);
    const optOutToken = randomBytes(24).toString("base64url");
    return this.unitOfWork.transaction(async (repos) => {
      const contact = await repos.contacts.create(actor.organisationId, passengerId, {
        ...input,
        optOutToken,
      });
      await repos.audit.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: "create",
        resource: "passengers",
        resourceIds: [passengerId, contact.id],
        purpose: actor.purpose ?? "booking desk: contact added for messages",
        details: {
          contact: contact.id,
          channel: contact.channel,
          relationship: contact.relationship,
        },
      });
      return shown(contact);
    });
  }

  /** The desk records that the person asked for no more messages. */
  async optOut(actor: Actor, contactId: string): Promise<Contact> {
    authorise(actor, "passengers", "write");
    return this.unitOfWork.transaction(async (repos) => {
      const now = this.clock.now().toISOString();
      const contact = await repos.contacts.optOut(actor.organisationId, contactId, now);
      if (!contact) throw notFound("contact", contactId);
      await repos.audit.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: "update",
        resource: "passengers",
        resourceIds: [contact.passengerId, contact.id],
        purpose: actor.purpose ?? "booking desk: contact opted out of messages",
        details: { contact: contact.id, optedOut: true },
      });
      return shown(contact);
    });
  }

  async removeContact(actor: Actor, contactId: string): Promise<void> {
    authorise(actor, "passengers", "write");
    await this.unitOfWork.transaction(async (repos) => {
      if (!(await repos.contacts.remove(actor.organisationId, contactId)))
        throw notFound("contact", contactId);
      await repos.audit.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: "delete",
        resource: "passengers",
        resourceIds: [contactId],
        purpose: actor.purpose ?? "booking desk: contact removed",
      });
    });
  }

  /** The passenger's messages, newest first. */
  async messagesOf(actor: Actor, passengerId: string): Promise<MessageView[]> {
    authorise(actor, "passengers", "read");
    await this.mustHold(actor, passengerId);
    const list = await this.unitOfWork.repositories.messages.listForPassenger(
      actor.organisationId,
      passengerId,
      MESSAGES_LISTED,
    );
    await this.audit(actor, "read", [passengerId], "booking desk: passenger's messages");
    return list;
  }

  /** The messages about the trips of these days, newest first, and how many stand in each status. */
  async messagesOfDays(
    actor: Actor,
    query: unknown,
  ): Promise<{ messages: MessageView[]; counts: MessageCounts }> {
    authorise(actor, "passengers", "read");
    const { from, to } = parseInput(messageLogQuerySchema, query, "period");
    const list = await this.unitOfWork.repositories.messages.listForDays(
      actor.organisationId,
      from,
      to,
      MESSAGES_LISTED,
    );
    const counts: MessageCounts = {};
    for (const m of list) counts[m.status] = (counts[m.status] ?? 0) + 1;
    const passengers = [...new Set(list.map((m) => m.passengerId))];
    if (passengers.length > 0)
      await this.audit(actor, "read", passengers, `messages: log of ${from} to ${to}`);
    return { messages: list, counts };
  }

  /**
   * The opt-out link followed: no sign-in, the token is the key. Stops messages to that contact
   * only; a token that matches nothing is refused alike whatever its form.
   */
  async optOutByLink(token: unknown): Promise<{ readonly channel: Contact["channel"] }> {
    const refused = new AppError(
      "not-found",
      "This link does not stop any messages: it may be mistyped.",
    );
    if (typeof token !== "string" || !TOKEN.test(token)) throw refused;
    return this.unitOfWork.transaction(async (repos) => {
      const contact = await repos.contacts.optOutByToken(token, this.clock.now().toISOString());
      if (!contact) throw refused;
      await repos.audit.append({
        organisationId: contact.organisationId,
        userId: null,
        action: "update",
        resource: "passengers",
        resourceIds: [contact.passengerId, contact.id],
        purpose: "messages: the contact followed their opt-out link",
        details: { contact: contact.id, optedOut: true },
      });
      return { channel: contact.channel };
    });
  }

  private async mustHold(actor: Actor, passengerId: string): Promise<void> {
    const found = await this.unitOfWork.repositories.passengers.find(
      actor.organisationId,
      passengerId,
    );
    if (!found) throw notFound("passenger", passengerId);
  }

  private audit(actor: Actor, action: "read", ids: readonly string[], purpose: string) {
    return this.unitOfWork.repositories.audit.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action,
      resource: "passengers",
      resourceIds: ids,
      purpose: actor.purpose ?? purpose,
    });
  }
}
