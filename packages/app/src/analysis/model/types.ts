import type { Problem, Solution, UnassignedReason } from "@tt/solver";

/**
 * The integration analysis ("Total Transport"): plan each funder's demand alone on its own fleet
 * (silo), plan everything together on the pooled fleet, and share the pooled cost fairly.
 * These types are the contract between the analysis' parts; docs/integration-analysis.md explains
 * the method.
 */

/** A funder whose demand (and fleet) the analysis compares, e.g. a council's SEND budget. */
export interface AnalysisFunder {
  /** Stable key, e.g. "ccc-send"; used in JSON output. */
  readonly key: string;
  readonly name: string;
  /** The organisation that holds the budget. */
  readonly organisation: string;
  /** Its id, when the analysis read the budget from the database. */
  readonly organisationId?: string;
}

/** What the analysis knows about a request beyond the solver's `Request`. */
export interface RequestTag {
  readonly funder: string;
  /** The service the trip belongs to, e.g. "send-school", "nepts", "drt" (see mixing policy). */
  readonly service: string;
  /** Trip requests this request stands for when identical trips are planned as one (default 1). */
  readonly trips?: number;
}

/** What the analysis knows about a vehicle beyond the solver's `Vehicle`. */
export interface VehicleTag {
  /** Funders whose silo fleet includes this vehicle. In the pooled plan every vehicle is available. */
  readonly funders: readonly string[];
  /** Emission class key in the emission-factor table, e.g. "minibus-diesel". */
  readonly emissionClass: string;
  /** Measured grams CO2e per km when the register gives one; overrides the class factor. */
  readonly co2GramsPerKm?: number;
}

import type { MixingPolicy } from "@tt/domain";

export type { MixingPolicy, MixingRule } from "@tt/domain";

/**
 * Everything one analysis needs. `problem` holds every request and every vehicle (before the
 * mixing policy is applied); `requests` and `vehicles` tag them by id.
 */
export interface IntegrationScenario {
  readonly name: string;
  /** The service date, "YYYY-MM-DD". */
  readonly date: string;
  readonly funders: readonly AnalysisFunder[];
  readonly problem: Problem;
  readonly requests: Readonly<Record<string, RequestTag>>;
  readonly vehicles: Readonly<Record<string, VehicleTag>>;
  readonly mixing: MixingPolicy;
  /**
   * [longitude, latitude] of each problem location (same index), for the report's map. Homes are
   * rounded to 0.01° (about 1 km) so the report shows no address.
   */
  readonly positions?: readonly (readonly [number, number])[];
}

/** Indicators of one plan (a silo, a coalition or the pooled plan). Units: km, hours, pounds, kg. */
export interface PlanMetrics {
  readonly requests: number;
  readonly served: number;
  readonly unassigned: Readonly<Partial<Record<UnassignedReason, number>>>;
  readonly vehiclesUsed: number;
  /** Plan cost without unserved penalties, split as the objective does. */
  readonly cost: {
    readonly fixed: number;
    readonly distance: number;
    readonly time: number;
    readonly total: number;
  };
  /** Objective including unserved penalties (what the engine minimised). */
  readonly objective: number;
  readonly vehicleKm: number;
  readonly vehicleHours: number;
  /** Sum over served requests of passengers on board (all load dimensions) × direct distance. */
  readonly passengerKm: number;
  /** passengerKm / vehicleKm. */
  readonly occupancy: number;
  readonly rideMinutes: { readonly mean: number; readonly max: number };
  /** Ride time over direct time. */
  readonly rideRatio: { readonly mean: number; readonly max: number };
  readonly co2eKg: number;
}

/** Vehicles out (between leaving and returning to the depot) per time slot of the day. */
export interface PeakVehicles {
  /** Slot length, minutes. */
  readonly slotMinutes: number;
  /** Slot start times, "HH:MM". */
  readonly slots: readonly string[];
  /** Series by funder key, and "pooled". */
  readonly series: Readonly<Record<string, readonly number[]>>;
}

/** Can an existing run of `carrier` take a trip of `service`, within all its constraints? */
export interface OverlapRow {
  readonly service: string;
  readonly carrier: string;
  /** Trips of `service` tested (all, or a seeded sample when there are many). */
  readonly tested: number;
  readonly feasible: number;
  readonly percent: number;
  readonly sampled: boolean;
}

export interface CostShares {
  /** Pounds per funder. */
  readonly shapley: Readonly<Record<string, number>>;
  /** "exact" over every coalition, or "sampled" over random orders with a standard error. */
  readonly shapleyMethod: "exact" | "sampled";
  /** Standard error per funder when sampled (pounds); absent when exact. */
  readonly shapleyStandardError?: Readonly<Record<string, number>>;
  readonly proportionalToStandalone: Readonly<Record<string, number>>;
  readonly perPassengerKm: Readonly<Record<string, number>>;
  /** Funders whose Shapley share is above their standalone cost. */
  readonly paysMoreThanAlone: readonly string[];
}

export interface Savings {
  /** Silo total minus pooled, for each indicator where lower is better. */
  readonly cost: number;
  readonly costPercent: number;
  readonly vehicles: number;
  readonly vehiclesPercent: number;
  readonly vehicleKm: number;
  readonly vehicleKmPercent: number;
  readonly co2eKg: number;
  readonly co2ePercent: number;
}

/** The analysis' result, as printed by `tt analyse integration --json` and stored by the job. */
export interface IntegrationReport {
  readonly scenario: {
    readonly name: string;
    readonly date: string;
    readonly mixingPolicy: string;
  };
  readonly settings: {
    readonly seed: number;
    readonly timeLimitSeconds?: number;
    readonly iterations?: number;
  };
  readonly funders: readonly AnalysisFunder[];
  readonly silo: Readonly<Record<string, PlanMetrics>>;
  /** Sum of the silo plans. */
  readonly siloTotal: PlanMetrics;
  readonly pooled: PlanMetrics;
  /** Pooled indicators restricted to each funder's requests (served, ride times, passenger-km). */
  readonly pooledByFunder: Readonly<Record<string, PlanMetrics>>;
  readonly savings: Savings;
  readonly shares: CostShares;
  readonly overlap: readonly OverlapRow[];
  readonly peakVehicles: PeakVehicles;
  /** Every plan was checked by evaluate(): the number of violations found (must be 0). */
  readonly violations: number;
  /** What each violation was: "<coalition>: <constraint>: <message>" (at most 50). */
  readonly violationDetails: readonly string[];
  /** Coalition costs (objective, pounds) by sorted funder keys joined with "+". */
  readonly coalitions: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** A solved plan together with the problem it answers. */
export interface SolvedPlan {
  readonly problem: Problem;
  readonly solution: Solution;
}
