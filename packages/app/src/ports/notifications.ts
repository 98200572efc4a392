import type { Contact, ContactChannel, ContactInput, MessageKind, MessageStatus } from "@tt/domain";

/** A contact as stored, with the token of its opt-out link (never shown in lists). */
export interface StoredContact extends Contact {
  readonly organisationId: string;
  readonly optOutToken: string;
}

/** A passenger's contacts, as a notice about one of their trips reaches them. */
export interface TripContacts {
  readonly tripRequestId: string;
  readonly tripReference: string;
  readonly passengerId: string;
  readonly givenName: string;
  readonly contacts: readonly StoredContact[];
}

/** Where passengers' pick-up times and changes are sent, by organisation. */
export interface ContactStore {
  create(
    organisationId: string,
    passengerId: string,
    input: ContactInput & { readonly optOutToken: string },
  ): Promise<StoredContact>;
  listForPassenger(organisationId: string, passengerId: string): Promise<StoredContact[]>;
  /** The contacts of these trips' passengers (erased passengers have none). */
  listForTrips(organisationId: string, tripRequestIds: readonly string[]): Promise<TripContacts[]>;
  /** Marks it opted out (kept when already); undefined when the organisation has no such contact. */
  optOut(organisationId: string, id: string, at: string): Promise<StoredContact | undefined>;
  /** The opt-out link's work: any organisation's contact with this token, marked opted out. */
  optOutByToken(token: string, at: string): Promise<StoredContact | undefined>;
  remove(organisationId: string, id: string): Promise<boolean>;
}

/** A message as recorded: what was said, to which contact, and where it stands. */
export interface StoredMessage {
  readonly id: string;
  readonly contactId: string | null;
  readonly passengerId: string;
  readonly tripRequestId: string | null;
  readonly serviceDate: string;
  readonly kind: MessageKind;
  readonly channel: ContactChannel;
  readonly subject: string;
  readonly body: string;
  readonly status: MessageStatus;
  readonly attempts: number;
  /** The provider's id of the message once it took it. */
  readonly providerReference: string | null;
  /** Why the last attempt failed (the provider's words, never the address). */
  readonly error: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export type NewMessage = Pick<
  StoredMessage,
  | "contactId"
  | "passengerId"
  | "tripRequestId"
  | "serviceDate"
  | "kind"
  | "channel"
  | "subject"
  | "body"
> & { readonly status: "queued" | "opted-out" };

/** A queued message claimed for sending, with where it goes as the contact now stands. */
export interface ClaimedMessage {
  readonly id: string;
  readonly organisationId: string;
  readonly channel: ContactChannel;
  readonly subject: string;
  readonly body: string;
  readonly attempts: number;
  /** The day of the trip the message is about, "YYYY-MM-DD". */
  readonly serviceDate: string;
  /** The contact's address; null when the contact was removed or erased since. */
  readonly address: string | null;
  readonly optedOut: boolean;
  readonly optOutToken: string | null;
}

/** The message log, and the queue a dispatcher sends from. */
export interface MessageStore {
  enqueue(organisationId: string, messages: readonly NewMessage[]): Promise<number>;
  /**
   * Up to `limit` messages due by `now` (queued, or being sent by a dispatcher whose lease ran
   * out), of every organisation, marked as being sent until `leaseUntil`. Two dispatchers never
   * claim the same message.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<ClaimedMessage[]>;
  markSent(id: string, providerReference: string, at: string): Promise<void>;
  /** A failed attempt: queued again at `retryAt`, or failed for good without one. */
  markFailed(id: string, error: string, retryAt: string | null): Promise<void>;
  /** Not sent because the service is refusing us: queued again at `retryAt`, the attempt uncounted. */
  markWaiting(id: string, error: string, retryAt: string): Promise<void>;
  markOptedOut(id: string): Promise<void>;
  /** The passenger's messages, newest first, at most `limit`. */
  listForPassenger(
    organisationId: string,
    passengerId: string,
    limit: number,
  ): Promise<StoredMessage[]>;
  /** The organisation's messages about these days' trips, newest first, at most `limit`. */
  listForDays(
    organisationId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<StoredMessage[]>;
}

/** A message on its way to a provider. */
export interface OutgoingMessage {
  /** Ours: sent as the provider's reference, so a message sent twice after a crash is traceable. */
  readonly id: string;
  readonly channel: ContactChannel;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** Where the recipient can stop messages with one click, when the service has a public address. */
  readonly optOutUrl?: string;
}

/** Why a provider did not take a message; `permanent` when sending again cannot help. */
export class NotifierError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /**
     * The service refused us, not the message (a wrong API key or SMTP password): nothing it is
     * given can go until someone mends its settings, so sending waits rather than failing.
     */
    readonly serviceFault = false,
  ) {
    super(message);
    this.name = "NotifierError";
  }
}

/** A way of sending messages (SMTP, GOV.UK Notify): one port, one contract suite. */
export interface Notifier {
  /** The channels it can send. */
  readonly channels: readonly ContactChannel[];
  /** Sends it; answers the provider's id. Throws `NotifierError` when the provider refuses it. */
  send(message: OutgoingMessage): Promise<{ readonly providerReference: string }>;
  close?(): Promise<void>;
}
