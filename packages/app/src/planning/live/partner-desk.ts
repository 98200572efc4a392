import type { DataItem, Funder, Place, RegimeStanding, TripRequest } from "@tt/domain";
import type { Clock, Page, UnitOfWorkOf } from "../../ports";
import { type Actor, AppError } from "../../shared";
import { recordPartnerRead, requireAgreement, type SharedAccess } from "../../sharing";
import { authoriseDesk } from "./booking-parts";
import type { Booked, BookingOptions, BookingService } from "./booking-service";
import type { CancellationService, Cancelled } from "./cancellation-service";
import type { PassengerStandingService } from "./passenger-standing";

/** What the partner desk reads itself: agreements, the partner's places and funders, audit logs. */
export type PartnerDeskUnitOfWork = UnitOfWorkOf<
  "sharing" | "places" | "funders" | "audit" | "tripRequests"
>;

/** A passenger's trips read for the desk's list of trips to come. */
const TRIPS_READ = 200;

/** What a booking for a partner's passenger must be able to see and write. */
const BOOKING_ITEMS: readonly DataItem[] = ["identity", "trips"];

type Agreed<T> = T & { readonly agreement: { readonly id: string; readonly reference: string } };

/** The booking's passenger, for the audit row naming the agreement (the body is checked later). */
const passengerOf = (body: unknown): string[] => {
  if (typeof body !== "object" || body === null) return [];
  const booking = "booking" in body ? body.booking : body;
  if (typeof booking !== "object" || booking === null || !("passengerId" in booking)) return [];
  return typeof booking.passengerId === "string" ? [booking.passengerId.slice(0, 100)] : [];
};

/**
 * The one-stop booking desk for a partner's passengers: a booking agent (or commissioner) of one
 * organisation books, and cancels, trips for another's passengers, into the other's operating
 * plan, only while an active agreement for booking covers identity and trips. The desk then acts
 * in the partner's register exactly as the partner's own desk does (the same checks, the same
 * revision and messages), each row of the partner's audit log naming the agreement. Without an
 * agreement the partner is not found; suspending it stops the next request at once.
 */
export class PartnerDesk {
  constructor(
    private readonly unitOfWork: PartnerDeskUnitOfWork,
    private readonly bookings: BookingService,
    private readonly cancellations: CancellationService,
    private readonly standings: PassengerStandingService,
    private readonly clock: Clock,
  ) {}

  /**
   * Refused as `delegate` refuses (404 without a booking agreement, 409 for one lacking what the
   * desk needs): for the routes to ask before they read a body.
   */
  async mustBook(actor: Actor, provider: string): Promise<void> {
    authoriseDesk(actor);
    await this.delegate(actor, provider);
  }

  /** The partner's passenger beside the desk: their standing under each regime (no reasons). */
  async standing(actor: Actor, provider: string, passengerId: string): Promise<RegimeStanding[]> {
    authoriseDesk(actor);
    const { as, access } = await this.delegate(actor, provider);
    const found = await this.standings.standings(as, passengerId);
    await this.record(actor, access, {
      resource: "passengers",
      action: "read",
      ids: [passengerId],
    });
    return found;
  }

  /** The partner's passenger's trips, for the desk's list of those still to travel. */
  async trips(actor: Actor, provider: string, passengerId: string): Promise<TripRequest[]> {
    authoriseDesk(actor);
    const { access } = await this.delegate(actor, provider);
    const page = await this.unitOfWork.repositories.tripRequests.list(provider, {
      offset: 0,
      limit: TRIPS_READ,
      filters: { passengerId },
    });
    const ids = page.items.map((t) => t.id);
    await this.record(actor, access, { resource: "trip-requests", action: "list", ids });
    return page.items;
  }

  async options(
    actor: Actor,
    provider: string,
    body: unknown,
    everyRun: boolean,
  ): Promise<BookingOptions> {
    authoriseDesk(actor);
    const { as, access } = await this.delegate(actor, provider);
    const found = await this.bookings.options(as, body, everyRun);
    await this.record(actor, access, {
      resource: "passengers",
      action: "read",
      ids: passengerOf(body),
    });
    return found;
  }

  async book(
    actor: Actor,
    provider: string,
    body: unknown,
    vehicleId: string,
    toldWindow?: unknown,
  ): Promise<Booked> {
    authoriseDesk(actor);
    const { as, access } = await this.delegate(actor, provider);
    const booked = await this.bookings.book(as, body, vehicleId, toldWindow);
    await this.record(actor, access, {
      resource: "trip-requests",
      action: "create",
      ids: [booked.tripRequest.id, booked.tripRequest.passengerId, booked.planId],
    });
    return booked;
  }

  async cancel(actor: Actor, provider: string, tripId: string, body: unknown): Promise<Cancelled> {
    authoriseDesk(actor);
    const { as, access } = await this.delegate(actor, provider);
    const cancelled = await this.cancellations.cancel(as, tripId, body);
    await this.record(actor, access, {
      resource: "trip-requests",
      action: "update",
      ids: [tripId, ...(cancelled.plan ? [cancelled.plan.id] : [])],
    });
    return cancelled;
  }

  /** The partner's places to book to and from (no personal data: not audited). */
  async places(
    actor: Actor,
    provider: string,
    query: { offset: number; limit: number; search?: string | undefined },
  ): Promise<Agreed<Page<Place>>> {
    authoriseDesk(actor);
    const { access } = await this.delegate(actor, provider);
    const { search, offset, limit } = query;
    const page = await this.unitOfWork.repositories.places.list(provider, {
      offset,
      limit,
      ...(search ? { search } : {}),
    });
    return { ...page, agreement: refOf(access) };
  }

  /** Who in the partner pays for trips. */
  async funders(actor: Actor, provider: string): Promise<Agreed<{ items: Funder[] }>> {
    authoriseDesk(actor);
    const { access } = await this.delegate(actor, provider);
    const page = await this.unitOfWork.repositories.funders.list(provider, {
      offset: 0,
      limit: 500,
    });
    return { items: page.items, agreement: refOf(access) };
  }

  /**
   * The agreement the desk books under, and the actor as the partner's register sees it: the
   * desk's user and role, in the partner's organisation, for a purpose naming the agreement.
   */
  private async delegate(
    actor: Actor,
    provider: string,
  ): Promise<{ as: Actor; access: SharedAccess }> {
    const access = await this.unitOfWork.transaction((repos) =>
      requireAgreement(repos, this.clock, actor, provider, "booking", BOOKING_ITEMS),
    );
    const missing = BOOKING_ITEMS.filter((item) => !access.items.has(item));
    if (missing.length > 0) {
      throw new AppError(
        "conflict",
        `Agreement ${access.agreement.reference} does not cover ${missing.join(" and ")} for booking, so the desk cannot book for this partner.`,
      );
    }
    const purpose = `booking under agreement ${access.agreement.reference}${actor.purpose ? `: ${actor.purpose}` : ""}`;
    const { staffId: _s, operatorId: _o, ...person } = actor;
    return { as: { ...person, organisationId: provider, purpose }, access };
  }

  private record(
    actor: Actor,
    access: SharedAccess,
    what: Parameters<typeof recordPartnerRead>[3],
  ): Promise<void> {
    return this.unitOfWork.transaction((repos) => recordPartnerRead(repos, actor, access, what));
  }
}

const refOf = (access: SharedAccess) => ({
  id: access.agreement.id,
  reference: access.agreement.reference,
});
