import type {
  OperatorInput,
  PassengerInput,
  PlaceInput,
  StaffInput,
  TripRequestInput,
  VehicleInput,
} from "@tt/domain";

/** Valid inputs with readable defaults; override only what a test is about. */
export function aPassenger(overrides: Partial<PassengerInput> = {}): PassengerInput {
  return {
    reference: "P-0001",
    givenName: "Ada",
    familyName: "Lovelace",
    dateOfBirth: "2015-04-01",
    homePostcode: "CB1 0AG",
    homeLat: 52.192254,
    homeLon: 0.137179,
    needs: {
      wheelchair: false,
      passengerAssistant: false,
      seating: "standard",
      travelAlone: false,
      doorThroughDoor: false,
      mayNotTravelWith: [],
    },
    ...overrides,
  };
}

export function aPlace(overrides: Partial<PlaceInput> = {}): PlaceInput {
  return {
    reference: "S-0001",
    name: "Netherhall School",
    kind: "school",
    lat: 52.1787,
    lon: 0.1589,
    schoolPhase: "secondary",
    ...overrides,
  };
}

export function aVehicle(overrides: Partial<VehicleInput> = {}): VehicleInput {
  return {
    reference: "AB12 CDE",
    kind: "minibus",
    seats: 16,
    wheelchairSpaces: 0,
    layouts: [{ seats: 12, wheelchairSpaces: 2 }],
    features: ["tail-lift"],
    depotLat: 52.2,
    depotLon: 0.12,
    availableFrom: "07:00",
    availableTo: "18:00",
    fixedCostPence: 12000,
    costPerKmPence: 45,
    costPerHourPence: 1800,
    funderIds: [],
    ...overrides,
  };
}

export function aStaffMember(overrides: Partial<StaffInput> = {}): StaffInput {
  return {
    reference: "D-0001",
    name: "Sam Driver",
    role: "driver",
    volunteer: false,
    dbsExpiry: "2027-06-30",
    licenceExpiry: "2030-01-31",
    shifts: [{ weekdays: ["mon", "tue", "wed", "thu", "fri"], start: "07:00", end: "17:00" }],
    ...overrides,
  };
}

export function anOperator(overrides: Partial<OperatorInput> = {}): OperatorInput {
  return { name: "Fenland Community Transport", kind: "community-transport", ...overrides };
}

export function aTripRequest(
  ids: { passengerId: string; funderId: string; placeId: string },
  overrides: Partial<TripRequestInput> = {},
): TripRequestInput {
  return {
    reference: "T-0001",
    passengerId: ids.passengerId,
    funderId: ids.funderId,
    purpose: "school",
    origin: { kind: "home" },
    destination: { kind: "place", placeId: ids.placeId },
    timing: "arrive-by",
    time: "08:40",
    windowMinutes: 15,
    escorts: 0,
    recurrence: {
      kind: "recurring",
      weekdays: ["mon", "tue", "wed", "thu", "fri"],
      from: "2026-09-03",
      to: "2027-07-21",
    },
    status: "requested",
    ...overrides,
  };
}
