import { type RegimeStanding, standingsOf } from "@tt/domain";
import { londonDate } from "../../entitlement";
import type { Clock, UnitOfWorkOf } from "../../ports";
import { type Actor, notFound } from "../../shared";
import { authoriseDesk } from "./booking-parts";

export type PassengerStandingUnitOfWork = UnitOfWorkOf<"passengers" | "entitlements" | "audit">;

/** Decisions read for one passenger at most: years of reassessments under every regime. */
const DECISIONS_READ = 200;

/**
 * What the booking desk sees beside a passenger: under each regime, whether their latest decision
 * allows travel and when it is due for review, never its reasons or summary (those can quote
 * health facts an agent may not read). The desk's grants; the read is audited.
 */
export class PassengerStandingService {
  constructor(
    private readonly unitOfWork: PassengerStandingUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async standings(actor: Actor, passengerId: string): Promise<RegimeStanding[]> {
    authoriseDesk(actor);
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      const passenger = await repos.passengers.find(org, passengerId);
      if (!passenger) throw notFound("passenger", passengerId);
      const decisions = await repos.entitlements.list(org, {
        offset: 0,
        limit: DECISIONS_READ,
        passengerId,
      });
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "read",
        resource: "passengers",
        resourceIds: [passengerId],
        purpose: actor.purpose ?? "booking desk: the passenger's entitlement at a glance",
        details: { decisions: decisions.items.length },
      });
      return standingsOf(decisions.items, londonDate(this.clock.now()));
    });
  }
}
