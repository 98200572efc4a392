import { DEFAULT_SEAT_PERCENTILE, isAllowed } from "@tt/domain";
import { z } from "zod";
import { findEach, findFleetVehicles } from "../../planning";
import type { StoredPlan, UnitOfWorkOf } from "../../ports";
import { type Actor, AppError, authorise, parseInput, recordRead } from "../../shared";
import { daysFrom, findOperatingPlan, periodSchema } from "../operating-day";
import { type Occupancy, occupancyOf } from "./occupancy";

/** The longest period one report covers: a school term. */
export const MAX_OCCUPANCY_DAYS = 100;
/** Most review candidates listed. */
export const MAX_REVIEW_CANDIDATES = 200;

export const occupancyQuerySchema = z.intersection(
  periodSchema(MAX_OCCUPANCY_DAYS),
  z.object({
    percentile: z.coerce
      .number()
      .int({ message: "expected a whole percentage" })
      .min(50, { message: "at least 50" })
      .max(100, { message: "at most 100" })
      .default(DEFAULT_SEAT_PERCENTILE),
  }),
);

export type OccupancyUnitOfWork = UnitOfWorkOf<
  "plans" | "vehicles" | "grants" | "taps" | "passengers" | "audit"
>;

/**
 * Observed occupancy from the taps against the operating plans of a period: seats to plan for per
 * vehicle and weekday, runs no tap covers yet, and entitled passengers who never travelled.
 */
export class OccupancyService {
  constructor(private readonly unitOfWork: OccupancyUnitOfWork) {}

  async occupancy(actor: Actor, query: unknown): Promise<Occupancy> {
    authorise(actor, "run-events", "read");
    authorise(actor, "plans", "read");
    if (actor.role === "driver" || actor.role === "operator") {
      throw new AppError(
        "forbidden",
        `Occupancy covers every run of the organisation; your role (${actor.role}) sees its own runs on the status board.`,
      );
    }
    const { from, to, percentile } = parseInput(occupancyQuerySchema, query, "period");
    // Review candidates are passengers: only for roles that may read the register.
    const namesPassengers = isAllowed(actor.role, "passengers", "read");
    return this.unitOfWork.transaction(
      async (repos) => {
        const org = actor.organisationId;
        const boardings = await repos.taps.dailyBoardings(org, from, to);
        const plans: StoredPlan[] = [];
        for (const day of daysFrom(from, to)) {
          const plan = await findOperatingPlan(repos, org, day);
          if (plan) plans.push(plan);
        }
        const vehicleIds = [
          ...boardings.map((b) => b.vehicleId),
          ...plans.flatMap((p) => p.runs.map((r) => r.vehicleId)),
        ];
        const vehicles = await findFleetVehicles(repos, org, vehicleIds);
        const candidateIds = namesPassengers
          ? await repos.taps.entitledWithoutTaps(org, from, to, MAX_REVIEW_CANDIDATES)
          : [];
        const candidates = await findEach(repos.passengers, org, candidateIds);
        if (candidates.size > 0) {
          await recordRead(repos, actor, {
            resource: "passengers",
            ids: [...candidates.keys()],
            purpose: "occupancy: entitled passengers with no taps, for review",
            details: { from, to },
          });
        }
        return occupancyOf({
          from,
          to,
          percentile,
          boardings,
          plans,
          vehicles,
          reviewCandidates: candidateIds.flatMap((id) => {
            const p = candidates.get(id);
            return p ? [{ id, reference: p.reference }] : [];
          }),
        });
      },
      { snapshot: true },
    );
  }
}
