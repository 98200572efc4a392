import { performance } from "node:perf_hooks";
import {
  type BookingEntitlement,
  type BookingInput,
  bookedTripRequest,
  bookingInputSchema,
  checkRepeatEntitlement,
  type Passenger,
  type TripRequest,
} from "@tt/domain";
import type { Request } from "@tt/solver";
import {
  type Clock,
  type KeptProblemChain,
  type ProblemAdditions,
  type StoredPlan,
  systemClock,
  type TravelTimeProvider,
  type UnitOfWorkOf,
} from "../../ports";
import { type Actor, AppError, parseInput } from "../../shared";
import { mixingPolicyOf } from "../day-mixing";
import { RestoredProblems } from "../kept-problem";
import { forbiddenPartners, mixRequest, serviceOf } from "../mixing";
import { publishIn } from "../publication-service";
import { rememberIn } from "../recently-used";
import { mustBeInTerm, namedOptions, namedRefusals } from "./booking-names";
import {
  authoriseDesk,
  bookingReference,
  noLongerFits,
  notEntitled,
  PROVISIONAL,
  provisionalTrip,
  renameIn,
} from "./booking-parts";
import { conflictsOf, operatingPlan, readParties, refuseTwice } from "./booking-reads";
import { bookingRequest } from "./booking-request";
import { bookingRevision } from "./booking-revision";
import { DayQueue } from "./day-queue";
import { type InsertionOption, insertionOptions, type NoOption } from "./insertion-options";
import { type LaterDay, placeLaterDays } from "./later-days";
import type { LiveProblem } from "./live-problem";
import { timedRuns } from "./timed-runs";

/** What the booking desk reads and writes. */
export type BookingUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "passengers"
  | "places"
  | "funders"
  | "tripRequests"
  | "entitlements"
  | "audit"
  | "sharing"
  | "vehicles"
  | "grants"
  | "cancellations"
  | "contacts"
  | "messages"
  | "termCalendars"
>;

/** An option with the vehicle's reference, as the desk names it. */
export type OfferedOption = InsertionOption & { readonly vehicleReference: string };

/** The trip's options on the day's operating plan. */
export interface BookingOptions {
  readonly planId: string;
  readonly revision: number;
  readonly entitlement: BookingEntitlement;
  readonly options: readonly OfferedOption[];
  readonly refusals: readonly NoOption[];
  /** Vehicles farther off not tried, none of the nearest having room (ask for every run). */
  readonly untried: number;
  /** How long the engine took to find the options, milliseconds (for `Server-Timing`). */
  readonly searchMs: number;
}

/** A booking made: the trip request and the plan revision that carries it. */
export interface Booked {
  readonly tripRequest: TripRequest;
  readonly planId: string;
  readonly revision: number;
  readonly option: OfferedOption;
  /** A repeating trip's later days that had an operating plan: placed in it, or why not. */
  readonly laterDays: readonly LaterDay[];
}

/** Stored plans held in memory by the desk (the latest revisions of the days being booked). */
const PLANS_HELD = 4;

/** A booking read and checked, with its day's operating plan and the trip in the engine's terms. */
export interface Prepared {
  readonly plan: StoredPlan;
  readonly booking: BookingInput;
  readonly passenger: Passenger;
  readonly live: LiveProblem;
  readonly request: Request;
  readonly added: Omit<ProblemAdditions, "requests">;
  readonly entitlement: BookingEntitlement;
}

/**
 * The booking desk on a day with an operating plan: checks the passenger's entitlement, offers up
 * to three places for a trip in the published plan (`insertionOptions`), and books the one the
 * agent chooses as a new revision of that plan, published in its place, with the trip request
 * stored as booked, all in one transaction and audited. Roles that may write trip requests and
 * read plans (booking agents, commissioners).
 */
export class BookingService {
  private readonly problems: RestoredProblems;
  private readonly plans = new Map<string, Promise<StoredPlan | undefined>>();

  constructor(
    private readonly unitOfWork: BookingUnitOfWork,
    travelTimes: TravelTimeProvider,
    problems?: RestoredProblems,
    private readonly clock: Clock = systemClock,
    /** Shared with the cancellations: one change to a day at a time in this process. */
    private readonly queue: DayQueue = new DayQueue(),
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
  async book(actor: Actor, body: unknown, vehicleId: string): Promise<Booked> {
    authoriseDesk(actor);
    const booking = parseInput(bookingInputSchema, body, "booking");
    const first = await this.queue.change(actor.organisationId, booking.date, () =>
      this.bookOnce(actor, body, vehicleId),
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
  ): Promise<Omit<Booked, "laterDays">> {
    const prepared = await this.prepare(actor, body);
    if (!prepared.entitlement.ok) throw notEntitled(prepared.entitlement);
    await refuseTwice(this.unitOfWork.repositories, actor.organisationId, prepared.booking);
    const { plan, live, request } = prepared;
    const found = insertionOptions(live, timedRuns(plan), request, { only: vehicleId, max: 1 });
    const option = found.options[0];
    if (!option) throw noLongerFits(vehicleId, found.refusals);
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
          entitlementDecision: prepared.entitlement.decisionId,
        },
      });
      return { trip, stored, booked };
    });
    this.problems.hold(org, saved.stored.id, live.withRequests([saved.booked]));
    const renamed = renameIn(option, PROVISIONAL, saved.trip.id);
    const [named] = await namedOptions(this.unitOfWork.repositories, actor.organisationId, [
      renamed,
    ]);
    return {
      tripRequest: saved.trip,
      planId: saved.stored.id,
      revision: saved.stored.revision,
      option: named ?? { ...option, vehicleReference: option.vehicle },
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

  /**
   * The stored plan, read once: a plan's runs never change (a change is a new revision), so the
   * desk's next ask on the same plan skips reading its hundreds of runs. Its status is read anew
   * each time from the day's list.
   */
  private storedPlan(org: string, id: string): Promise<StoredPlan | undefined> {
    const key = `${org}\u0000${id}`;
    let found = this.plans.get(key);
    if (!found) {
      found = this.unitOfWork.repositories.plans.find(org, id);
      found.catch(() => this.plans.delete(key));
    }
    rememberIn(this.plans, key, found, PLANS_HELD);
    return found;
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
