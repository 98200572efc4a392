import { evaluate, solve, validateProblem } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { buildProblem } from "./build-problem";
import { stopWindows } from "./map-requests";
import { vehiclesWithAssistant } from "./map-vehicles";
import { ANY_PASSENGER_GROUP, STEP_FREE } from "./planning-rules";
import {
  passenger,
  school,
  tinyRegister,
  straightLineTravelTimes as travel,
  trip,
  vehicle,
} from "./test-support/tiny-register";

const RECURRING = {
  kind: "recurring" as const,
  weekdays: ["tue" as const],
  from: "2026-09-01",
  to: "2027-07-20",
  termCalendarId: "terms",
};

describe("buildProblem", () => {
  it("builds a valid problem that the engine plans with no violations", async () => {
    const built = await buildProblem(tinyRegister(), travel);
    expect(validateProblem(built.problem).ok).toBe(true);
    expect(built.issues).toEqual([]);
    expect(built.problem.requests.map((r) => r.id)).toEqual(["t01", "t02"]);
    // Two homes, the school and the depot; no names of people anywhere.
    expect(built.problem.locations.map((l) => l.id.split(":")[0])).toEqual([
      "home",
      "place",
      "home",
      "depot",
    ]);
    expect(JSON.stringify(built.problem)).not.toContain("Passenger");
    const solution = solve(built.problem, { seed: 1, iterations: 50 });
    expect(solution.unassigned).toEqual([]);
    expect(evaluate(built.problem, solution).violations).toEqual([]);
  });

  it("keeps only requests that travel that day, inside their terms, and not cancelled", async () => {
    const register = tinyRegister({
      tripRequests: [
        trip("t01", "p01", { recurrence: RECURRING }),
        trip("t02", "p02", { recurrence: { ...RECURRING, weekdays: ["wed"] } }),
        trip("t03", "p01", { recurrence: { ...RECURRING, termCalendarId: "gone" } }),
        trip("t04", "p02", { status: "cancelled" }),
      ],
    });
    const built = await buildProblem(register, travel);
    expect(built.problem.requests.map((r) => r.id)).toEqual(["t01"]);
    expect(built.issues.map((i) => i.kind)).toEqual(["missing-term-calendar"]);
    const outOfTerm = await buildProblem({ ...register, date: "2026-12-22" }, travel);
    expect(outOfTerm.problem.requests).toEqual([]);
  });

  it("reports a trip to a missing place or passenger as data and leaves it out", async () => {
    const register = tinyRegister({
      tripRequests: [
        trip("t01", "p01", { destination: { kind: "place", placeId: "nowhere" } }),
        trip("t02", "p09"),
      ],
    });
    const built = await buildProblem(register, travel);
    expect(built.problem.requests).toEqual([]);
    expect(built.issues.map((i) => [i.kind, i.tripRequestId])).toEqual([
      ["missing-place", "t01"],
      ["missing-passenger", "t02"],
    ]);
  });

  it("maps needs to loads, features, groups and the assistant", async () => {
    const needs = passenger("p01").needs;
    const register = tinyRegister({
      passengers: [
        passenger("p01", { needs: { ...needs, wheelchair: true, passengerAssistant: true } }),
        passenger("p02", { needs: { ...needs, travelAlone: true, mayNotTravelWith: ["P-p01"] } }),
      ],
      tripRequests: [trip("t01", "p01", { escorts: 1 }), trip("t02", "p02", { escorts: 2 })],
    });
    const [a, b] = (await buildProblem(register, travel)).problem.requests;
    expect(a).toMatchObject({ load: [1, 1], features: [STEP_FREE], needsAssistant: true });
    expect(a?.pickup.service).toBe(5);
    expect(b).toMatchObject({
      load: [3, 0],
      incompatibleGroups: [ANY_PASSENGER_GROUP],
      incompatibleWith: ["t01"],
    });
    expect(b?.maxRideTime).toEqual({ absolute: 45 });
  });

  it("charges 15 s a passenger who boards at a shared stop on their own, 2 min at home", async () => {
    const needs = passenger("p01").needs;
    const stop = { ...school, id: "place-stop", reference: "ST-1", kind: "stop" as const };
    const fromStop = { origin: { kind: "place" as const, placeId: stop.id } };
    const toStop = {
      origin: { kind: "place" as const, placeId: school.id },
      destination: { kind: "place" as const, placeId: stop.id },
    };
    const register = tinyRegister({
      places: [school, stop],
      passengers: [
        passenger("p01"),
        passenger("p02", { needs: { ...needs, passengerAssistant: true } }),
      ],
      tripRequests: [
        trip("t01", "p01", fromStop),
        trip("t02", "p01", toStop),
        trip("t03", "p02", fromStop),
        trip("t04", "p01"),
      ],
    });
    const services = (await buildProblem(register, travel)).problem.requests.map((r) => [
      r.id,
      r.pickup.service,
      r.dropoff.service,
    ]);
    expect(services).toEqual([
      ["t01", 0.25, 0.25],
      ["t02", 0.25, 0.25],
      ["t03", 2, 2],
      ["t04", 2, 2],
    ]);
  });

  it("links a return leg only when it follows within three hours", async () => {
    const register = tinyRegister({
      tripRequests: [
        trip("t01", "p01", { time: "10:00", purpose: "hospital-appointment" }),
        trip("t02", "p01", {
          origin: { kind: "place", placeId: "place-school" },
          destination: { kind: "home" },
          timing: "depart-after",
          time: "12:00",
          returnOfId: "t01",
        }),
        trip("t03", "p02"),
        trip("t04", "p02", {
          origin: { kind: "place", placeId: "place-school" },
          destination: { kind: "home" },
          timing: "depart-after",
          time: "15:15",
          returnOfId: "t03",
        }),
      ],
    });
    const requests = (await buildProblem(register, travel)).problem.requests;
    expect(requests.map((r) => r.linkedRequest)).toEqual(["t02", "t01", undefined, undefined]);
  });

  it("maps vehicles: layouts, step-free, costs in pounds, breaks by size", async () => {
    const register = tinyRegister({
      vehicles: [
        vehicle("v01"),
        vehicle("v02", { kind: "taxi", seats: 4, wheelchairSpaces: 0, layouts: [], features: [] }),
      ],
    });
    const [bus, taxi] = (await buildProblem(register, travel)).problem.vehicles;
    expect(bus).toMatchObject({
      layouts: [
        [12, 2],
        [16, 0],
      ],
      features: ["tail-lift", STEP_FREE],
      shift: [420, 1080],
      costs: { fixed: 100, perDistance: 0.5, perHour: 20 },
      breaks: [{ duration: 45, maxDrivingBefore: 270 }],
    });
    expect(taxi?.breaks).toEqual([{ id: "break-gb", duration: 30, maxDrivingBefore: 330 }]);
  });
});

describe("stopWindows", () => {
  it("arrive-by: drop-off window before the time, pick-up bounded by the ride limit", () => {
    const w = stopWindows({ timing: "arrive-by", time: "09:00", windowMinutes: 15 }, 20, 45, 2);
    expect(w).toEqual({ dropoff: [525, 540], pickup: [478, 518] });
  });
  it("depart-after: pick-up window after the time", () => {
    const w = stopWindows({ timing: "depart-after", time: "15:00", windowMinutes: 10 }, 20, 45, 2);
    expect(w).toEqual({ pickup: [900, 910], dropoff: [922, 957] });
  });
});

describe("vehiclesWithAssistant", () => {
  it("gives each rostered PA to the operator's most accessible vehicle", () => {
    const vehicles = [vehicle("v01", { wheelchairSpaces: 0 }), vehicle("v02")];
    const pa = {
      id: "s1",
      organisationId: "o",
      createdAt: "",
      updatedAt: "",
      reference: "PA-1",
      name: "A",
      role: "passenger-assistant" as const,
      volunteer: false,
      dbsExpiry: "2030-01-01",
      shifts: [{ weekdays: ["tue" as const], start: "07:00", end: "17:00" }],
    };
    expect([...vehiclesWithAssistant(vehicles, [pa], "2026-11-24")]).toEqual(["v02"]);
    expect([...vehiclesWithAssistant(vehicles, [pa], "2026-11-25")]).toEqual([]);
  });
});
