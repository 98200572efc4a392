import { haversineMetres } from "@tt/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoScenario, DEFAULT_DEMO_SEED } from "./build-scenario";
import type { DemoBusStop } from "./geography";
import { PICK_UP_WALK_METRES, PickUpPoints } from "./pick-up-points";
import type { DemoOrganisation, DemoScenario } from "./scenario-types";
import { loadTestGeography } from "./test-support/test-geography";

const stop = (atcoCode: string, lat: number, lon: number): DemoBusStop => ({
  atcoCode,
  name: `Stop ${atcoCode}`,
  indicator: "opp",
  locality: "Fenby",
  lat,
  lon,
});

describe("PickUpPoints", () => {
  // 0.001° of latitude is about 111 m.
  const stops = [
    stop("0500A1", 52.3, 0.1),
    stop("0500A2", 52.303, 0.1),
    stop("0500A3", 52.32, 0.1),
  ];

  it("sends a pupil to the nearest stop within 800 m, and none beyond", () => {
    const points = new PickUpPoints(stops);
    expect(points.pointFor({ lat: 52.3025, lon: 0.1 }, "S1")?.externalCode).toBe("0500A2");
    expect(points.pointFor({ lat: 52.311, lon: 0.1 }, "S1")).toBeUndefined();
    expect(points.places().map((p) => [p.kind, p.reference])).toEqual([["stop", "STOP-0500A2"]]);
  });

  it("prefers a stop already used by the same school, within reach", () => {
    const points = new PickUpPoints(stops);
    points.pointFor({ lat: 52.3, lon: 0.1 }, "S1");
    expect(points.pointFor({ lat: 52.3025, lon: 0.1 }, "S1")?.externalCode).toBe("0500A1");
    expect(points.pointFor({ lat: 52.3025, lon: 0.1 }, "S2")?.externalCode).toBe("0500A2");
  });

  it("finds stops east and west up to the walking distance", () => {
    // 0.0115° of longitude at 52.3° N is about 785 m.
    const points = new PickUpPoints([stop("0500B1", 52.3, 0.1115)]);
    expect(points.pointFor({ lat: 52.3, lon: 0.1 }, "S1")?.externalCode).toBe("0500B1");
  });
});

let scenario: DemoScenario;
const org = (key: DemoOrganisation["key"]) => scenario.organisations.find((o) => o.key === key)!;

beforeAll(async () => {
  scenario = buildDemoScenario(await loadTestGeography(), DEFAULT_DEMO_SEED);
});

describe("pick-up points in the demo", () => {
  const places = () => [...org("cambridgeshire").places, ...org("peterborough").places];
  const trips = () => [...org("cambridgeshire").trips, ...org("peterborough").trips];

  it("boards most mainstream pupils at a real bus stop within 800 m of home, shared", () => {
    const stops = new Map(
      places()
        .filter((p) => p.kind === "stop")
        .map((p) => [p.reference, p]),
    );
    const homes = new Map(
      scenario.organisations.flatMap((o) => o.passengers).map((p) => [p.input.reference, p]),
    );
    const outbound = trips().filter(
      (t) => t.service === "mainstream-school" && t.reference.endsWith("-OUT"),
    );
    const atStop = outbound.filter((t) => t.origin.kind === "place");
    expect(atStop.length / outbound.length).toBeGreaterThan(0.8);
    const perStop = new Map<string, number>();
    for (const trip of atStop) {
      const ref = trip.origin.kind === "place" ? trip.origin.placeReference : "";
      const stop = stops.get(ref);
      expect(stop?.externalCode, trip.reference).toMatch(/^\d{3}[0-9A-Z]+$/);
      const home = homes.get(trip.passengerReference)!.input;
      expect(haversineMetres({ lat: home.homeLat, lon: home.homeLon }, stop!)).toBeLessThanOrEqual(
        PICK_UP_WALK_METRES,
      );
      perStop.set(ref, (perStop.get(ref) ?? 0) + 1);
    }
    expect(atStop.length / perStop.size).toBeGreaterThan(2);
  });

  it("brings each pupil back to the stop they left from; SEND pupils stay door to door", () => {
    const byRef = new Map(trips().map((t) => [t.reference, t]));
    for (const trip of trips().filter((t) => t.returnOfReference)) {
      expect(trip.destination, trip.reference).toEqual(byRef.get(trip.returnOfReference!)?.origin);
    }
    const send = trips().filter((t) => t.service === "send-school" || t.service === "send-post-16");
    expect(send.every((t) => t.origin.kind === "home" || t.destination.kind === "home")).toBe(true);
  });
});
