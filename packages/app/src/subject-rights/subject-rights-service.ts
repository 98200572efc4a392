import { erasedPassenger, erasureInputSchema, type Passenger } from "@tt/domain";
import type { AuditEntry, Clock, ErasureCounts, PlannedStop, UnitOfWorkOf } from "../ports";
import { systemClock } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import {
  type AccessRecord,
  accessRecord,
  type HeldStop,
  type SubjectAccessExport,
  sharedWith,
} from "./subject-access";

export type SubjectRightsUnitOfWork = UnitOfWorkOf<
  | "passengers"
  | "tripRequests"
  | "entitlements"
  | "audit"
  | "identity"
  | "subjects"
  | "sharing"
  | "cancellations"
  | "runEvents"
  | "taps"
  | "contacts"
  | "messages"
>;
type Repos = SubjectRightsUnitOfWork["repositories"];

/** Audit entries read per page while gathering who has seen a record. */
const AUDIT_PAGE = 500;
/** Enough for any one person's record; a larger answer is refused rather than cut short. */
const MAX_ACCESS_ENTRIES = 20_000;
/** Messages about one person listed, newest first (years of daily pick-up times). */
const MAX_MESSAGES = 5_000;

export interface ErasureResult extends ErasureCounts {
  readonly passengerId: string;
  readonly reference: string;
  readonly erasedAt: string;
}

/**
 * Data subjects' rights over the register: the subject access export (Article 15) and erasure
 * (Article 17), which removes the personal data and keeps plans, costs and the audit chain, the
 * passenger pseudonymised. Rectification is the register's own update, audited as such.
 */
/**
 * The stops of stored plans that carry the trips: the organisation's own plans, and the plans of
 * the partnerships it is a member of (which name its trips by id, under their agreements).
 */
async function heldStops(
  repos: Repos,
  organisation: { id: string; name: string },
  tripIds: readonly string[],
): Promise<HeldStop[]> {
  const held = (heldBy: string) => (s: PlannedStop) => ({ ...s, heldBy });
  const own = await repos.subjects.plannedStops(organisation.id, tripIds);
  const out: HeldStop[] = own.map(held(organisation.name));
  for (const partnership of await repos.sharing.listMemberships(organisation.id)) {
    const theirs = await repos.subjects.plannedStops(partnership.organisationId, tripIds);
    out.push(...theirs.map(held(partnership.name)));
  }
  return out;
}

export class SubjectRightsService {
  constructor(
    private readonly unitOfWork: SubjectRightsUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async export(actor: Actor, passengerId: string): Promise<SubjectAccessExport> {
    authorise(actor, "subject-rights", "read");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const passenger = await repos.passengers.find(org, passengerId);
      if (!passenger) throw notFound("passenger", passengerId);
      const organisation = await repos.identity.findOrganisation(org);
      const tripIds = await repos.subjects.tripRequestIdsOf(org, passengerId);
      const tripRequests = await repos.tripRequests.findByIds(org, tripIds);
      const cancelled = await repos.cancellations.listForTrips(org, tripIds);
      const marked = await repos.runEvents.listForTrips(org, tripIds);
      const taps = await repos.taps.listForPassenger(org, passengerId);
      const contacts = await repos.contacts.listForPassenger(org, passengerId);
      const messages = await repos.messages.listForPassenger(org, passengerId, MAX_MESSAGES);
      const decisions = await repos.entitlements.list(org, { offset: 0, limit: 1000, passengerId });
      const access = await accessTo(repos, org, passengerId);
      const erasedAt = await repos.subjects.erasedAt(org, passengerId);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "export",
        resource: "passengers",
        resourceIds: [passengerId],
        purpose: actor.purpose ?? "subject access request (UK GDPR Article 15)",
        details: { tripRequests: tripIds.length, accessEntries: access.length },
      });
      return {
        generatedAt: this.clock.now().toISOString(),
        organisation: { id: org, name: organisation?.name ?? org },
        passenger: withoutOthers(passenger),
        ...(erasedAt ? { erasedAt } : {}),
        tripRequests,
        // Who cancelled is the organisation's staff, not the person's data.
        cancellations: cancelled.map(({ cancelledBy: _by, ...c }) => c),
        journeyEvents: marked.map((e) => ({
          id: e.id,
          serviceDate: e.serviceDate,
          tripRequestId: e.tripRequestId,
          stop: e.stop,
          kind: e.kind,
          reason: e.reason ?? null,
          at: e.at,
        })),
        taps,
        contacts: contacts.map(({ optOutToken: _t, organisationId: _o, ...c }) => c),
        messages: messages.map((m) => ({
          serviceDate: m.serviceDate,
          kind: m.kind,
          channel: m.channel,
          subject: m.subject,
          body: m.body,
          status: m.status,
          sentAt: m.sentAt,
        })),
        entitlementDecisions: decisions.items,
        plannedJourneys: await heldStops(
          repos,
          { id: org, name: organisation?.name ?? org },
          tripIds,
        ),
        access,
        sharedWith: sharedWith(access, organisation?.name ?? org),
      };
    });
  }

  async erase(actor: Actor, passengerId: string, input: unknown): Promise<ErasureResult> {
    authorise(actor, "subject-rights", "write");
    const request = parseInput(erasureInputSchema, input, "erasure");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const passenger = await repos.passengers.find(org, passengerId);
      if (!passenger) throw notFound("passenger", passengerId);
      const erased = erasedPassenger(passengerId, {
        lat: passenger.homeLat,
        lon: passenger.homeLon,
      });
      const counts = await repos.subjects.erase(org, passengerId, erased);
      if (!counts) {
        throw new AppError("conflict", `Passenger ${passengerId} was erased already.`);
      }
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "erase",
        resource: "passengers",
        resourceIds: [passengerId],
        purpose: `erasure (UK GDPR Article 17(1), ${request.ground}): request ${request.requestReference}`,
        details: { ...counts },
      });
      const erasedAt = (await repos.subjects.erasedAt(org, passengerId)) ?? "";
      return { passengerId, reference: erased.reference, erasedAt, ...counts };
    });
  }
}

/** The record as its subject sees it: the other passengers it names are not named to them. */
function withoutOthers(passenger: Passenger): Passenger {
  const others = passenger.needs.mayNotTravelWith.map((_, i) => `another passenger (${i + 1})`);
  return { ...passenger, needs: { ...passenger.needs, mayNotTravelWith: others } };
}

/** Every audit entry naming the passenger, oldest first, with the user and their organisation. */
async function accessTo(repos: Repos, org: string, passengerId: string): Promise<AccessRecord[]> {
  const entries: AuditEntry[] = [];
  for (let offset = 0; ; offset += AUDIT_PAGE) {
    const page = await repos.audit.list(org, {
      offset,
      limit: AUDIT_PAGE,
      resourceId: passengerId,
    });
    entries.push(...page.items);
    if (entries.length > MAX_ACCESS_ENTRIES) {
      throw new AppError(
        "conflict",
        `More than ${MAX_ACCESS_ENTRIES} audit entries name this passenger: export them with tt audit.`,
      );
    }
    if (page.items.length < AUDIT_PAGE) break;
  }
  const users = new Map<string, { email: string; organisation: string }>();
  for (const userId of new Set(entries.flatMap((e) => (e.userId ? [e.userId] : [])))) {
    const user = await repos.identity.findUser(userId);
    if (!user) continue;
    const organisation = await repos.identity.findOrganisation(user.organisationId);
    users.set(userId, {
      email: user.email,
      organisation: organisation?.name ?? user.organisationId,
    });
  }
  return entries
    .map((entry) => accessRecord(entry, users))
    .sort((a, b) => a.at.localeCompare(b.at));
}
