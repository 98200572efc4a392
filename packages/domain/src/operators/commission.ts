import { z } from "zod";
import { idSchema, plainTextSchema } from "../shared/schemas";
import { isoDateSchema } from "../shared/time-of-day";
import type { TripPurpose } from "../trips/trip-request";
import type { SourcedRate } from "./contract";

/**
 * Where a commission stands. The buyer `offered` a trip of its plan to a community transport
 * group; the group `accepted` or `declined` it before the deadline, else it `lapsed`; a driver
 * records it `completed` (date, miles); the buyer may mark an accepted or completed one `disputed`.
 */
export const COMMISSION_STATUSES = [
  "offered",
  "accepted",
  "declined",
  "lapsed",
  "completed",
  "disputed",
] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

/**
 * Classes of passenger a section 19 permit may carry, and the general public, whom only a section
 * 22 community bus permit (on its service) or a volunteer car scheme carries (domain rules §3.2,
 * §3.4, §3.5; [S] West Sussex CC).
 */
export const SECTION_19_CLASSES = [
  "members",
  "beneficiaries",
  "disabled-or-ill",
  "pupils",
  "area-residents",
] as const;
export type Section19Class = (typeof SECTION_19_CLASSES)[number];

export const PERMIT_PASSENGER_CLASSES = [...SECTION_19_CLASSES, "general-public"] as const;
export type PermitPassengerClass = (typeof PERMIT_PASSENGER_CLASSES)[number];

export const PASSENGER_CLASS_LABELS: Readonly<Record<PermitPassengerClass, string>> = {
  members: "members of the group",
  beneficiaries: "people the group exists to benefit (e.g. older people)",
  "disabled-or-ill": "disabled or seriously ill people and their helpers",
  pupils: "pupils or students and their staff",
  "area-residents": "residents of an area without public transport",
  "general-public": "the general public",
};

/**
 * The class of passenger a trip's purpose puts the passenger in [D]: a choice of the product, to
 * confirm with the permit's issuer. School travel carries pupils; day services and health
 * appointments disabled or ill people; community transport the group's members; demand-responsive
 * travel the general public.
 */
export const PURPOSE_PASSENGER_CLASS: Readonly<Record<TripPurpose, PermitPassengerClass>> = {
  school: "pupils",
  "send-school": "pupils",
  "post-16": "pupils",
  "adult-day-service": "disabled-or-ill",
  "hospital-appointment": "disabled-or-ill",
  dialysis: "disabled-or-ill",
  "gp-appointment": "disabled-or-ill",
  "community-transport": "members",
  "demand-responsive": "general-public",
};

/** What the group is told of a trip: enough to drive it, no passenger's name. */
export interface CommissionTrip {
  /** A pseudonymised reference of the passenger, stable for one buyer. */
  readonly reference: string;
  readonly purpose: TripPurpose;
  /** The passenger and any escorts. */
  readonly passengers: number;
  readonly timing: "arrive-by" | "depart-after";
  /** "HH:MM". */
  readonly time: string;
  readonly pickup: string;
  readonly dropoff: string;
  /** The passenger's needs in words ("wheelchair", "passenger assistant", …). */
  readonly needs: readonly string[];
}

/** A recorded journey: the day, the miles in tenths, the driver (and the car, if named). */
export interface Completion {
  readonly date: string;
  readonly mileTenths: number;
  readonly driverStaffId: string;
  readonly vehicleId?: string;
}

export interface Commission {
  readonly id: string;
  readonly buyerId: string;
  readonly groupId: string;
  readonly planId: string;
  readonly tripRequestId: string;
  /** The day of the trip (the plan's service date). */
  readonly date: string;
  readonly trip: CommissionTrip;
  readonly passengerClass: PermitPassengerClass;
  /** The contract whose mileage rate applies, if any. */
  readonly contractId?: string;
  /** The agreed rate, pence a mile, with its version and source as it stood when offered. */
  readonly rate: Pick<SourcedRate, "pence" | "version" | "source">;
  /** The instant by which the group answers (ISO 8601). */
  readonly deadline: string;
  readonly status: CommissionStatus;
  readonly answeredAt?: string;
  readonly completion?: Completion;
  readonly disputeReason?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Longest time limit a buyer may give a group to answer [D]. */
export const MAX_ANSWER_DAYS = 31;

/** A buyer offers some of a plan's trips to a group, to answer by `deadline`. */
export const commissionOfferSchema = z.object({
  groupId: idSchema,
  planId: idSchema,
  tripRequestIds: z
    .array(idSchema)
    .min(1, { message: "choose at least one trip" })
    .max(100, { message: "at most 100 trips at once" })
    .refine((ids) => new Set(ids).size === ids.length, { message: "a trip is listed twice" }),
  deadline: z.iso.datetime({ offset: true, message: "expected a date and time with its offset" }),
});
export type CommissionOffer = z.infer<typeof commissionOfferSchema>;

export const commissionAnswerSchema = z.object({ answer: z.enum(["accept", "decline"]) });

/** Most miles one journey may record [D]: a slip of the finger, not a journey. */
export const MAX_JOURNEY_MILE_TENTHS = 5_000;

export const completionSchema = z.object({
  date: isoDateSchema,
  /** Miles driven, to a tenth of a mile. */
  miles: z
    .number({ message: "expected miles" })
    .positive({ message: "more than no miles" })
    .max(MAX_JOURNEY_MILE_TENTHS / 10, { message: "at most 500 miles" })
    .refine((m) => Math.abs(m * 10 - Math.round(m * 10)) < 1e-9, {
      message: "miles to a tenth at most",
    }),
  /** The group's driver; left out by a driver recording their own journey. */
  driverStaffId: idSchema.optional(),
  vehicleId: idSchema.optional(),
});
export type CompletionInput = z.infer<typeof completionSchema>;

export const disputeSchema = z.object({
  reason: plainTextSchema(500).min(1, { message: "say what is disputed" }),
});

/** The status as it stands at `now`: an offer unanswered past its deadline has lapsed. */
export function commissionStatusAt(commission: Commission, now: string): CommissionStatus {
  if (commission.status !== "offered") return commission.status;
  return Date.parse(now) > Date.parse(commission.deadline) ? "lapsed" : "offered";
}

export type CommissionMove =
  | { readonly kind: "answer"; readonly answer: "accept" | "decline" }
  | { readonly kind: "complete"; readonly date: string; readonly today: string }
  | { readonly kind: "dispute" };

/** Why the commission cannot move as asked at `now`, or undefined when it can. */
export function findCommissionMoveRefusal(
  commission: Commission,
  move: CommissionMove,
  now: string,
): string | undefined {
  const status = commissionStatusAt(commission, now);
  if (move.kind === "answer") {
    if (status === "lapsed") return `the time limit passed at ${commission.deadline}`;
    return status === "offered" ? undefined : `it was already ${status}`;
  }
  if (move.kind === "complete") {
    if (status !== "accepted") return `a commission ${status} cannot be completed`;
    if (move.date < commission.date) return "it cannot be completed before the day of the trip";
    return move.date > move.today ? "it cannot be completed on a day to come" : undefined;
  }
  return status === "accepted" || status === "completed"
    ? undefined
    : `a commission ${status} cannot be disputed`;
}

/**
 * The reference the group knows a passenger by: the same for every trip of one buyer, saying
 * nothing of who they are (FNV-1a of the buyer's and the passenger's ids, both random).
 */
export function passengerPseudonym(buyerId: string, passengerId: string): string {
  let hash = 0x811c9dc5;
  for (const ch of `${buyerId}:${passengerId}`) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  }
  return `P-${hash.toString(16).toUpperCase().padStart(8, "0")}`;
}

/** Miles as tenths, exactly: 12.3 → 123. */
export const toMileTenths = (miles: number): number => Math.round(miles * 10);
