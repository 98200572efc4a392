import type { Problem, Request, Vehicle } from "@tt/solver";
import type { IntegrationScenario, MixingPolicy } from "../model/types";

/** A request with the funder and service the analysis knows it by. */
export interface TaggedRequest {
  readonly request: Request;
  readonly funder: string;
  readonly service: string;
}

/** A vehicle with the funders whose silo fleet includes it. */
export interface TaggedVehicle {
  readonly vehicle: Vehicle;
  readonly funders: readonly string[];
}

/** Locations on a plane; travel time = distance = Euclidean (minutes = km at 60 km/h). */
export function plane(
  points: readonly (readonly [number, number])[],
): Pick<Problem, "locations" | "matrices"> {
  const m = points.map(([xa, ya]) => points.map(([xb, yb]) => Math.hypot(xa - xb, ya - yb)));
  return { locations: points.map((_, i) => ({ id: `L${i}` })), matrices: { time: m, distance: m } };
}

/** A one-seat trip from `from` to `to`, open all day unless `extra` says otherwise. */
export function trip(id: string, from: number, to: number, extra: Partial<Request> = {}): Request {
  return {
    id,
    pickup: { location: from, service: 0, window: [0, 1000] },
    dropoff: { location: to, service: 0, window: [0, 1000] },
    load: [1],
    ...extra,
  };
}

/** A four-seat vehicle based at location 0, on shift all day unless `extra` says otherwise. */
export function bus(id: string, extra: Partial<Vehicle> = {}): Vehicle {
  return {
    id,
    start: 0,
    end: 0,
    shift: [0, 1000],
    layouts: [[4]],
    costs: { fixed: 100, perDistance: 1, perHour: 0 },
    ...extra,
  };
}

/** A scenario from tagged requests and vehicles; the funders are those the tags name. */
export function scenarioOf(
  points: readonly (readonly [number, number])[],
  requests: readonly TaggedRequest[],
  vehicles: readonly TaggedVehicle[],
  mixing: MixingPolicy,
): IntegrationScenario {
  const keys = [
    ...new Set([...requests.map((r) => r.funder), ...vehicles.flatMap((v) => v.funders)]),
  ].sort();
  return {
    name: "test",
    date: "2026-11-23",
    funders: keys.map((key) => ({ key, name: key, organisation: key })),
    problem: {
      version: 1,
      dimensions: ["seats"],
      ...plane(points),
      requests: requests.map((r) => r.request),
      vehicles: vehicles.map((v) => v.vehicle),
      objective: "cost",
    },
    requests: Object.fromEntries(
      requests.map((r) => [r.request.id, { funder: r.funder, service: r.service }]),
    ),
    vehicles: Object.fromEntries(
      vehicles.map((v) => [v.vehicle.id, { funders: v.funders, emissionClass: "minibus-diesel" }]),
    ),
    mixing,
  };
}

/** SEND pupils may not be on board with outpatients. */
export const SEND_APART_FROM_OUTPATIENTS: MixingPolicy = {
  version: "test-1",
  rules: [
    {
      services: ["send-school", "nepts-outpatient"],
      reason: "SEND pupils do not share with adults on hospital trips.",
    },
  ],
};

/**
 * Depot 0 at (0,0), A=1 (10,0), B=2 (20,0), C=3 (30,0). The NHS runs one outpatient, picked up
 * at A at exactly minute 10 and taken to C, on a vehicle whose shift ends at 120; a second NHS
 * vehicle stands idle. The council has three pupils going from B to C on its own vehicle:
 * - `school-fits`: picked up at B between 15 and 25, so the outpatient's run passes at 20;
 * - `school-late`: picked up at B after 500, when the NHS shift is over;
 * - `send-mixes`: as `school-fits`, but a SEND pupil, who may not board with the outpatient.
 */
export function overlapCase(
  mixing: MixingPolicy = SEND_APART_FROM_OUTPATIENTS,
): IntegrationScenario {
  const early = { pickup: { location: 2, service: 0, window: [15, 25] as const } };
  return scenarioOf(
    [
      [0, 0],
      [10, 0],
      [20, 0],
      [30, 0],
    ],
    [
      {
        request: trip("outpatient", 1, 3, {
          pickup: { location: 1, service: 0, window: [10, 10] },
        }),
        funder: "nhs",
        service: "nepts-outpatient",
      },
      {
        request: trip("school-fits", 2, 3, early),
        funder: "council",
        service: "mainstream-school",
      },
      {
        request: trip("school-late", 2, 3, {
          pickup: { location: 2, service: 0, window: [500, 510] },
        }),
        funder: "council",
        service: "mainstream-school",
      },
      { request: trip("send-mixes", 2, 3, early), funder: "council", service: "send-school" },
    ],
    [
      { vehicle: bus("nhs-1", { shift: [0, 120] }), funders: ["nhs"] },
      { vehicle: bus("nhs-2", { shift: [0, 120] }), funders: ["nhs"] },
      { vehicle: bus("council-1"), funders: ["council"] },
    ],
    mixing,
  );
}
