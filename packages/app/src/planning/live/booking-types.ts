import type { BookingEntitlement, BookingInput, Passenger, TripRequest } from "@tt/domain";
import type { Request } from "@tt/solver";
import type { ProblemAdditions, StoredPlan, UnitOfWorkOf } from "../../ports";
import type { InsertionOption, NoOption } from "./insertion-options";
import type { LaterDay } from "./later-days";
import type { LiveProblem } from "./live-problem";

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
  /**
   * The vehicle chosen, when its room had gone and the trip went on another vehicle whose pick-up
   * falls in the window the passenger was told; null when it went on the vehicle chosen.
   */
  readonly insteadOf: string | null;
  /** A repeating trip's later days that had an operating plan: placed in it, or why not. */
  readonly laterDays: readonly LaterDay[];
}

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
