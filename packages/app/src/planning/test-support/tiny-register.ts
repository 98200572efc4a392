import type {
  Passenger,
  PassengerInput,
  Place,
  Staff,
  TermCalendar,
  TripRequest,
  TripRequestInput,
  Vehicle,
  VehicleInput,
} from "@tt/domain";
import { aPassenger } from "@tt/testkit";
import type { LatLon, TravelMatrix, TravelTimeProvider } from "../../ports";
import type { DayRegister } from "../build-problem";

const STAMPS = {
  organisationId: "00000000-0000-4000-8000-000000000000",
  createdAt: "2026-09-01T00:00:00.000Z",
  updatedAt: "2026-09-01T00:00:00.000Z",
};

/** Straight-line distance × 1.3 at 36 km/h: simple, symmetric, and enough for unit tests. */
export const straightLineTravelTimes: TravelTimeProvider = {
  name: "straight-line-test",
  async matrix(origins: readonly LatLon[], to?: readonly LatLon[]): Promise<TravelMatrix> {
    const destinations = to ?? origins;
    const m = destinations.length;
    const durations = new Float64Array(origins.length * m);
    const distances = new Float64Array(origins.length * m);
    origins.forEach((a, i) => {
      destinations.forEach((b, j) => {
        const dx = (a.lon - b.lon) * 68_000;
        const dy = (a.lat - b.lat) * 111_000;
        const metres = Math.hypot(dx, dy) * 1.3;
        distances[i * m + j] = metres;
        durations[i * m + j] = metres / 10;
      });
    });
    return { origins: origins.length, destinations: m, durations, distances };
  },
};

export function passenger(id: string, overrides: Partial<PassengerInput> = {}): Passenger {
  return {
    id,
    ...STAMPS,
    ...aPassenger({
      reference: `P-${id}`,
      givenName: "Test",
      familyName: "Passenger",
      homeLat: 52.2 + Number.parseInt(id.slice(-2), 16) / 2000,
      homeLon: 0.1 + Number.parseInt(id.slice(-2), 16) / 3000,
      ...overrides,
    }),
  };
}

export const school: Place = {
  id: "place-school",
  ...STAMPS,
  reference: "S-1",
  name: "Fen School",
  kind: "school",
  lat: 52.21,
  lon: 0.13,
  schoolPhase: "primary",
};

export function vehicle(id: string, overrides: Partial<VehicleInput> = {}): Vehicle {
  return {
    id,
    ...STAMPS,
    reference: `V-${id}`,
    kind: "minibus",
    seats: 12,
    wheelchairSpaces: 2,
    layouts: [{ seats: 16, wheelchairSpaces: 0 }],
    features: ["tail-lift"],
    depotLat: 52.19,
    depotLon: 0.11,
    availableFrom: "07:00",
    availableTo: "18:00",
    fixedCostPence: 10_000,
    costPerKmPence: 50,
    costPerHourPence: 2_000,
    funderIds: [],
    ...overrides,
  };
}

export function trip(
  id: string,
  passengerId: string,
  overrides: Partial<TripRequestInput> = {},
): TripRequest {
  return {
    id,
    ...STAMPS,
    reference: `T-${id}`,
    passengerId,
    funderId: "funder",
    purpose: "school",
    origin: { kind: "home" },
    destination: { kind: "place", placeId: school.id },
    timing: "arrive-by",
    time: "08:45",
    windowMinutes: 15,
    escorts: 0,
    recurrence: { kind: "one-off", date: "2026-11-24" },
    status: "booked",
    ...overrides,
  };
}

export const terms: TermCalendar = {
  id: "terms",
  ...STAMPS,
  name: "Terms",
  periods: [{ start: "2026-11-02", end: "2026-12-18" }],
};

/** A day register with two pupils to school and back, and one minibus. */
export function tinyRegister(overrides: Partial<DayRegister> = {}): DayRegister {
  return {
    date: "2026-11-24",
    tripRequests: [trip("t01", "p01"), trip("t02", "p02")],
    passengers: [passenger("p01"), passenger("p02")],
    places: [school],
    vehicles: [vehicle("v01")],
    staff: [] as Staff[],
    termCalendars: [terms],
    ...overrides,
  };
}
