import type { Passenger, TripRequest, Vehicle } from "@tt/domain";
import { aPassenger, aTripRequest, aVehicle } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import type { DayRegister } from "../planning";
import { narrowToFunders } from "./narrow-day";

const stored = (id: string) => ({
  id,
  organisationId: "org",
  createdAt: "2026-09-01T00:00:00.000Z",
  updatedAt: "2026-09-01T00:00:00.000Z",
});
const trip = (id: string, funderId: string, passengerId: string): TripRequest => ({
  ...aTripRequest({ passengerId, funderId, placeId: "school" }),
  ...stored(id),
});
const passenger = (id: string): Passenger => ({ ...aPassenger(), ...stored(id) });
const vehicle = (id: string): Vehicle => ({ ...aVehicle(), ...stored(id) });

const DAY: DayRegister = {
  date: "2026-11-24",
  tripRequests: [trip("t1", "drt", "p1"), trip("t2", "school", "p2"), trip("t3", "drt", "p3")],
  passengers: [passenger("p1"), passenger("p2"), passenger("p3")],
  places: [],
  vehicles: [vehicle("bus"), vehicle("coach"), vehicle("own")],
  staff: [],
  termCalendars: [],
};

describe("a day narrowed to the funders an analysis plans", () => {
  it("keeps their trips, the passengers those name, and the vehicles their silos may use", () => {
    const silo = new Map([
      ["bus", ["drt", "school"]],
      ["coach", ["school"]],
    ]);
    const narrowed = narrowToFunders(DAY, new Set(["drt"]), (id) => silo.get(id));
    expect(narrowed.tripRequests.map((t) => t.id)).toEqual(["t1", "t3"]);
    expect(narrowed.passengers.map((p) => p.id)).toEqual(["p1", "p3"]);
    expect(narrowed.vehicles.map((v) => v.id)).toEqual(["bus", "own"]);
    expect(narrowed.date).toBe(DAY.date);
  });

  it("keeps every vehicle when no silo is known", () => {
    const narrowed = narrowToFunders(DAY, new Set(["school"]));
    expect(narrowed.tripRequests.map((t) => t.id)).toEqual(["t2"]);
    expect(narrowed.vehicles).toHaveLength(3);
  });
});
