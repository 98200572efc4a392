import { performance } from "node:perf_hooks";
import { bookedTripRequest, bookingInputSchema, checkRepeatEntitlement } from "@tt/domain";
import {
  type Clock,
  type KeptProblemChain,
  type StoredPlan,
  systemClock,
  type TravelTimeProvider,
} from "../../ports";
import { type Actor, AppError, parseInput } from "../../shared";
import { mixingPolicyOf } from "../day-mixing";
import { RestoredProblems } from "../kept-problem";
import { forbiddenPartners, mixRequest, serviceOf } from "../mixing";
import { publishIn } from "../publication-service";
import { mustBeInTerm, namedOptions, namedRefusals } from "./booking-names";
import {
  authoriseDesk,
  bookingReference,
  notEntitled,
  PROVISIONAL,
  provisionalTrip,
  renameIn,
} from "./booking-parts";
import { conflictsOf, operatingPlan, readParties, refuseTwice } from "./booking-reads";
import { bookingRequest } from "./booking-request";
import { bookingRevision } from "./booking-revision";
import type { Booked, BookingOptions, BookingUnitOfWork, Prepared } from "./booking-types";
import { placeOn, type ToldWindow, toldMinutes } from "./chosen-place";
import { DayQueue } from "./day-queue";
import { HeldPlans } from "./held-plans";
import { insertionOptions } from "./insertion-options";
import { placeLaterDays } from "./later-days";
import type { LiveProblem } from "./live-problem";
import { timedRuns } from "./timed-runs";

export type {
  Booked,
  BookingOptions,
  BookingUnitOfWork,
  OfferedOption,
  Prepared,
} from "./booking-types";

/**
 * The booking desk on a day with an operating plan: checks the passenger's entitlement, offers up
 * to three places for a trip in the published plan (`insertionOptions`), and books the one the
 * agent chooses as a new revision of that plan, published in its place, with the trip request
 * stored as booked, all in one transaction and audited. Roles that may write trip requests and
 * read plans (booking agents, commissioners).
 */
export class BookingService {
  private readonly problems: RestoredProblems;

  constructor(
    private readonly unitOfWork: BookingUnitOfWork,
    travelTimes: TravelTimeProvider,
    problems?: RestoredProblems,
    private readonly clock: Clock = systemClock,
    /** Shared with the cancellations: one change to a day at a time in this process. */
    private readonly queue: DayQueue = new DayQueue(),
    /** Shared with the cancellations: the days' latest revisions, held. */
    private readonly held: HeldPlans = new HeldPlans(),
  ) {
    this.travelTimes = travelTimes;
    this.problems = problems ?? new RestoredProblems(travelTimes);
  }

  private readonly travelTimes: TravelTimeProvider;

  /** Up to three options for the trip, or why there are none; nothing is stored but the audit row. */
  async options(actor: Actor, body: unknown, everyRun = false): Promise<BookingOptions> {
    authoriseDesk(actor);
    const prepared = await this.prepare(actor, body);
    const started = performance.now();
    const { options, refusals, untried } = insertionOptions(
      prepared.live,
      timedRuns(prepared.plan),
      prepared.request,
      { all: everyRun },
    );
    const searchMs = performance.now() - started;
    await this.audit(actor, prepared, "read", "booking desk: options for a trip");
    return {
      planId: prepared.plan.id,
      revision: prepared.plan.revision,
      entitlement: prepared.entitlement,
      options: await namedOptions(this.unitOfWork.repositories, actor.organisationId, options),
      refusals: await namedRefusals(this.unitOfWork.repositories, actor.organisationId, refusals),
      untried,
      searchMs,
    };
  }

  /**
   * Books the trip on `vehicleId` (one of its options): refused when the passenger is not entitled
   * or the vehicle can no longer take it (another booking took the room), with the options left.
   */
  async book(
    actor: Actor,
    body: unknown,
    vehicleId: string,
    toldWindow?: unknown,
  ): Promise<Booked> {
    authoriseDesk(actor);
    const booking = parseInput(bookingInputSchema, body, "booking");
    const told = toldWindow === undefined ? undefined : toldMinutes(toldWindow);
    const first = await this.queue.change(actor.organisationId, booking.date, () =>
      this.bookOnce(actor, body, vehicleId, told),
    );
    if (!booking.repeat) return { ...first, laterDays: [] };
    const deps = {
      unitOfWork: this.unitOfWork,
      problems: this.problems,
      queue: this.queue,
      clock: this.clock,
      prepare: (as: Actor, day: unknown) => this.prepare(as, day),
    };
    const trip = first.tripRequest;
    const laterDays = await placeLaterDays(deps, actor, booking, trip, first.option.vehicle);
    return { ...first, laterDays };
  }

  private async bookOnce(
    actor: Actor,
    body: unknown,
    vehicleId: string,
    told: ToldWindow | undefined,
  ): Promise<Omit<Booked, "laterDays">> {
    const prepared = await this.prepare(actor, body);
    if (!prepared.entitlement.ok) throw notEntitled(prepared.entitlement);
    await refuseTwice(this.unitOfWork.repositories, actor.organisationId, prepared.booking);
    const { plan, live, request } = prepared;
    const option = placeOn(prepared, vehicleId, told);
    const insteadOf = option.vehicle === vehicleId ? null : vehicleId;
    const org = actor.organisationId;
    const reference = prepared.booking.reference ?? bookingReference(this.clock);
    const saved = await this.unitOfWork.transaction(async (repos) => {
      const trip = await repos.tripRequests.create(
        org,
        bookedTripRequest(prepared.booking, reference),
      );
      const booked = { ...request, id: trip.id };
      const revision = bookingRevision(plan, option, PROVISIONAL, trip.id);
      const stored = await repos.plans.saveRevision(org, plan.id, {
        ...revision,
        additions: { requests: [booked], ...prepared.added },
      });
      if (plan.status === "published")
        await publishIn(repos, this.clock, actor, stored, { previous: plan });
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "create",
        resource: "trip-requests",
        resourceIds: [trip.id, prepared.passenger.id, stored.id],
        purpose: actor.purpose ?? "booking desk: trip booked into the operating plan",
        details: {
          plan: stored.id,
          revisedFrom: plan.id,
          revision: stored.revision,
          vehicle: option.vehicle,
          addedCost: Math.round(option.addedCost * 100) / 100,
          detour: option.detour,
          moved:
            "moved" in option
              ? { tripRequest: option.moved.tripRequestId, vehicle: option.moved.option.vehicle }
              : null,
          entitlementDecision: prepared.entitlement.decisionId,
        },
      });
      return { trip, stored, booked };
    });
    this.problems.hold(org, saved.stored.id, live.withRequests([saved.booked]));
    // The next change of the day reads this revision: held as saved, not read back.
    this.held.hold(org, saved.stored);
    const renamed = renameIn(option, PROVISIONAL, saved.trip.id);
    const [named] = await namedOptions(this.unitOfWork.repositories, actor.organisationId, [
      renamed,
    ]);
    return {
      tripRequest: saved.trip,
      planId: saved.stored.id,
      revision: saved.stored.revision,
      option: named ?? { ...option, vehicleReference: option.vehicle },
      insteadOf,
    };
  }

  /** The booking read and checked, the day's operating plan and the trip in the engine's terms. */
  private async prepare(actor: Actor, body: unknown): Promise<Prepared> {
    const booking = parseInput(bookingInputSchema, body, "booking");
    const repos = this.unitOfWork.repositories;
    const org = actor.organisationId;
    const { passenger, places, funderKind } = await readParties(repos, org, booking);
    const decisions = await repos.entitlements.list(org, {
      offset: 0,
      limit: 100,
      passengerId: passenger.id,
    });
    const entitlement = checkRepeatEntitlement(
      booking.purpose,
      booking.date,
      booking.repeat?.until,
      decisions.items,
    );
    await mustBeInTerm(repos, org, booking);
    const plan = await operatingPlan(repos, org, booking.date, (id) => this.storedPlan(org, id));
    const chain = () => repos.plans.findProblemChain(org, plan.id);
    const live = await this.liveProblem(org, plan.id, chain);
    const conflicts = await conflictsOf(repos, org, passenger, booking.date, live);
    const trip = provisionalTrip(booking, org);
    const mapped = await bookingRequest(trip, passenger, places, live, this.travelTimes, conflicts);
    const policy = await mixingPolicyOf(repos, org);
    const request = policy
      ? mixRequest(
          mapped.request,
          serviceOf(booking.purpose, funderKind),
          forbiddenPartners(policy),
        )
      : mapped.request;
    return {
      plan,
      booking,
      passenger,
      live: mapped.live,
      request,
      added: mapped.added,
      entitlement,
    };
  }

  /** The stored plan, read once (`HeldPlans`); its status is read anew from the day's list. */
  private storedPlan(org: string, id: string): Promise<StoredPlan | undefined> {
    return this.held.read(org, id, () => this.unitOfWork.repositories.plans.find(org, id));
  }

  private async liveProblem(
    org: string,
    planId: string,
    read: () => Promise<KeptProblemChain | undefined>,
  ): Promise<LiveProblem> {
    const live = await this.problems.get(org, planId, read);
    if (!live) {
      throw new AppError(
        "conflict",
        `The operating plan ${planId} was stored without its Problem (plans made before every Problem was kept), so a trip cannot be booked into it: plan the day again and publish it.`,
      );
    }
    return live;
  }

  private async audit(actor: Actor, prepared: Prepared, action: "read", purpose: string) {
    await this.unitOfWork.repositories.audit.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action,
      resource: "passengers",
      resourceIds: [prepared.passenger.id],
      purpose: actor.purpose ?? purpose,
      details: { plan: prepared.plan.id, date: prepared.booking.date },
    });
  }
}
