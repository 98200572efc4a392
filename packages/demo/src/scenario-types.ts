import {
  type FunderInput,
  type OperatorInput,
  type OrganisationKind,
  type PassengerInput,
  type PlaceInput,
  type Role,
  SERVICES,
  type Service,
  type StaffInput,
  type TermCalendarInput,
  type TripRequestInput,
  type VehicleInput,
} from "@tt/domain";

/** The services the demo generates demand for: every service but community transport. */
export type DemoService = Exclude<Service, "community-transport">;
export const DEMO_SERVICES: readonly DemoService[] = SERVICES.filter(
  (service): service is DemoService => service !== "community-transport",
);

/** Keys that name the demo's organisations inside the scenario (ids come from the database). */
export type DemoOrganisationKey =
  | "cambridgeshire"
  | "peterborough"
  | "icb"
  | "coaches"
  | "taxis"
  | "patient-transport"
  | "community-transport"
  | "consortium";

export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface DemoFunder {
  readonly key: string;
  readonly input: FunderInput;
  /** The 2026/27 budget, whole pence. */
  readonly budgetPence: number;
}

export interface DemoOperator {
  readonly key: string;
  readonly input: OperatorInput;
}

export interface DemoTermCalendar {
  readonly key: string;
  readonly input: TermCalendarInput;
}

/** A vehicle or staff member, its operator named by the operator's key. */
export type DemoVehicle = Omit<VehicleInput, "operatorId" | "funderIds"> & {
  readonly operatorKey: string;
  /**
   * Set on a council's entry for an operator's vehicle it contracts: the operator organisation
   * whose register holds the vehicle. The in-memory scenario plans with the entry; the database
   * holds the vehicle once, in the operator's register, granted to the council.
   */
  readonly contractedFrom?: DemoOrganisationKey;
};
export type DemoStaff = Omit<StaffInput, "operatorId"> & { readonly operatorKey: string };

export interface DemoPassenger {
  readonly service: DemoService;
  readonly input: PassengerInput;
}

export type DemoTripEnd =
  | { readonly kind: "home" }
  | { readonly kind: "place"; readonly placeReference: string };

export type DemoRecurrence =
  | { readonly kind: "one-off"; readonly date: string }
  | {
      readonly kind: "recurring";
      readonly weekdays: Extract<TripRequestInput["recurrence"], { kind: "recurring" }>["weekdays"];
      readonly from: string;
      readonly to: string;
      readonly termCalendarKey?: string;
    };

/** A trip request, its links named by reference or key. */
export interface DemoTrip
  extends Omit<
    TripRequestInput,
    "passengerId" | "funderId" | "origin" | "destination" | "recurrence" | "returnOfId"
  > {
  readonly service: DemoService;
  readonly passengerReference: string;
  readonly funderKey: string;
  readonly origin: DemoTripEnd;
  readonly destination: DemoTripEnd;
  readonly recurrence: DemoRecurrence;
  /** The outbound trip's reference, for a return. */
  readonly returnOfReference?: string;
}

/** Everything one organisation holds in the demo. */
export interface DemoOrganisation {
  readonly key: DemoOrganisationKey;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly users: DemoUser[];
  readonly funders: DemoFunder[];
  readonly operators: DemoOperator[];
  readonly termCalendars: DemoTermCalendar[];
  readonly places: PlaceInput[];
  readonly vehicles: DemoVehicle[];
  readonly staff: DemoStaff[];
  readonly passengers: DemoPassenger[];
  readonly trips: DemoTrip[];
}

export interface DemoScenario {
  readonly seed: number;
  /** The one password of every demo user (documented in data/README.md). */
  readonly password: string;
  readonly organisations: DemoOrganisation[];
}
