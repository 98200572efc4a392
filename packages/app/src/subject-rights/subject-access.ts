import type { Contact, Passenger, TripRequest } from "@tt/domain";
import type {
  AuditEntry,
  PassengerTap,
  PlannedStop,
  StoredCancellation,
  StoredEntitlementDecision,
  StoredMessage,
  StoredRunEvent,
} from "../ports";

/** A message about one of their trips, as sent (or held back). */
export type SentMessage = Pick<
  StoredMessage,
  "serviceDate" | "kind" | "channel" | "subject" | "body" | "status" | "sentAt"
>;

/** Who read or changed the record, and under which agreement when it was a partner. */
export interface AccessRecord {
  readonly at: string;
  readonly action: string;
  /** The user's e-mail address; null for the system's own work (jobs started by nobody). */
  readonly user: string | null;
  /** The organisation the user belongs to (a partner's, for reads through an agreement). */
  readonly organisation: string | null;
  readonly purpose: string;
  readonly agreementReference: string | null;
}

/** A planned stop, and who holds the plan: the organisation, or a partnership it is a member of. */
export type HeldStop = PlannedStop & { readonly heldBy: string };

/** A mark at one of the person's stops, without who marked it (the organisation's staff). */
export type JourneyEvent = Pick<
  StoredRunEvent,
  "id" | "serviceDate" | "tripRequestId" | "stop" | "kind" | "at"
> & { readonly reason: string | null };

/**
 * Everything an organisation holds about one passenger (UK GDPR Article 15): the record, their
 * trip requests, entitlement decisions, the plans that carry them and who has seen it.
 */
export interface SubjectAccessExport {
  readonly generatedAt: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly passenger: Passenger;
  /** When their personal data was erased; absent while it is held. */
  readonly erasedAt?: string;
  readonly tripRequests: readonly TripRequest[];
  /** Days their trips were cancelled, and why. */
  readonly cancellations: readonly Omit<StoredCancellation, "cancelledBy">[];
  /** What drivers marked at their stops: boarded, set down, or a no-show and why. */
  readonly journeyEvents: readonly JourneyEvent[];
  /** Smartcard taps or attendance that name them. */
  readonly taps: readonly PassengerTap[];
  /** Where their pick-up times and changes are sent. */
  readonly contacts: readonly Contact[];
  /** What was sent to those contacts about their trips, newest first. */
  readonly messages: readonly SentMessage[];
  readonly entitlementDecisions: readonly StoredEntitlementDecision[];
  /** Stops of stored plans that carry them: the organisation's own and its partnerships'. */
  readonly plannedJourneys: readonly HeldStop[];
  readonly access: readonly AccessRecord[];
  /** Partners that read the record, by agreement: where else it is held. */
  readonly sharedWith: readonly { readonly organisation: string; readonly agreement: string }[];
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** One audit entry as the data subject sees it. */
export function accessRecord(
  entry: AuditEntry,
  users: ReadonlyMap<string, { email: string; organisation: string }>,
): AccessRecord {
  const user = entry.userId ? users.get(entry.userId) : undefined;
  return {
    at: entry.at,
    action: entry.action,
    user: user?.email ?? null,
    organisation: user?.organisation ?? null,
    purpose: entry.purpose,
    agreementReference: text(entry.details?.agreementReference),
  };
}

/** The partners that read the record, once per organisation and agreement. */
export function sharedWith(access: readonly AccessRecord[], holder: string) {
  const seen = new Map<string, { organisation: string; agreement: string }>();
  for (const a of access) {
    if (!a.agreementReference || !a.organisation || a.organisation === holder) continue;
    seen.set(`${a.organisation}\u0000${a.agreementReference}`, {
      organisation: a.organisation,
      agreement: a.agreementReference,
    });
  }
  return [...seen.values()];
}
