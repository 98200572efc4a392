import type { Problem, Request, Run, Solution, Vehicle } from "@tt/solver";
import type { VehicleTag } from "./types";

/**
 * Test fixtures for the integration metrics: a hand-written plan whose figures can be checked on
 * paper, and a small grid problem for solve(). Units: minutes, km, pounds.
 */

const vehicle = (id: string, fixed: number, perDistance: number, perHour: number): Vehicle => ({
  id,
  start: 0,
  end: 0,
  shift: [420, 1080],
  layouts: [[8, 2]],
  costs: { fixed, perDistance, perHour },
});

const request = (id: string, from: number, to: number, load: [number, number]): Request => ({
  id,
  pickup: { location: from, service: 2, window: [0, 1440] },
  dropoff: { location: to, service: 2, window: [0, 1440] },
  load,
});

/**
 * Depot 0, homes 1 and 2, school 3. Direct: 1→3 is 7 km / 12 min, 2→3 is 4 km / 8 min.
 * rA (council, 1 seat) 1→3 and rB (nhs, a wheelchair user and an escort: 2 passengers) 2→3 share
 * the minibus; rD (nhs, 1 seat) 2→3 goes by taxi; rC (council) is unassigned for capacity.
 */
export const HAND_PROBLEM: Problem = {
  version: 1,
  dimensions: ["seats", "wheelchairs"],
  locations: [{ id: "depot" }, { id: "home-a" }, { id: "home-b" }, { id: "school" }],
  matrices: {
    time: [
      [0, 10, 9, 12],
      [10, 0, 6, 12],
      [9, 6, 0, 8],
      [12, 12, 8, 0],
    ],
    distance: [
      [0, 5, 7, 6],
      [5, 0, 3, 7],
      [7, 3, 0, 4],
      [6, 7, 4, 0],
    ],
  },
  requests: [
    request("rA", 1, 3, [1, 0]),
    request("rB", 2, 3, [1, 1]),
    { ...request("rC", 1, 3, [9, 0]), penalty: 100 },
    request("rD", 2, 3, [1, 0]),
  ],
  vehicles: [vehicle("minibus", 50, 0.4, 15), vehicle("taxi", 15, 1.1, 12)],
  objective: "cost",
};

export const HAND_TAGS: Readonly<Record<string, VehicleTag>> = {
  minibus: { funders: ["council"], emissionClass: "minibus-diesel" },
  taxi: { funders: ["nhs"], emissionClass: "taxi-regular", co2GramsPerKm: 200 },
};

const stop = (
  kind: "pickup" | "dropoff",
  req: string,
  location: number,
  arrival: number,
  load: [number, number],
) => ({ kind, request: req, location, arrival, start: arrival, departure: arrival + 2, load });

/** Minibus: 0 →(5 km, 10 min) 1 →(3, 6) 2 →(4, 8) 3 →(6, 12) 0: 18 km, 08:00–08:41. */
const MINIBUS_RUN: Run = {
  vehicle: "minibus",
  layout: 0,
  stops: [
    stop("pickup", "rA", 1, 490, [1, 0]),
    stop("pickup", "rB", 2, 498, [2, 1]),
    stop("dropoff", "rA", 3, 508, [1, 1]),
    stop("dropoff", "rB", 3, 510, [0, 0]),
  ],
  start: 480,
  end: 524,
  distance: 18,
  duration: 44,
  // fixed 50; distance 18 × 0.4 = 7.2; time 44/60 × 15 = 11
  cost: { fixed: 50, distance: 7.2, time: 11, unserved: 0, total: 68.2 },
};

/** Taxi: 0 →(7 km, 9 min) 2 →(4, 8) 3 →(6, 12) 0: 17 km, 08:20–08:51. */
const TAXI_RUN: Run = {
  vehicle: "taxi",
  layout: 0,
  stops: [stop("pickup", "rD", 2, 509, [1, 0]), stop("dropoff", "rD", 3, 519, [0, 0])],
  start: 500,
  end: 533,
  distance: 17,
  duration: 33,
  // fixed 15; distance 17 × 1.1 = 18.7; time 33/60 × 12 = 6.6
  cost: { fixed: 15, distance: 18.7, time: 6.6, unserved: 0, total: 40.3 },
};

export const HAND_SOLUTION: Solution = {
  version: 1,
  runs: [MINIBUS_RUN, TAXI_RUN],
  unassigned: [{ request: "rC", reason: "capacity", message: "9 seats, no vehicle has 9" }],
  cost: { fixed: 65, distance: 25.9, time: 17.6, unserved: 100, total: 208.5 },
  vehicles: 2,
  distance: 35,
  iterations: 0,
};

/** A 5 × 5 km grid, 2 minutes per km (Manhattan), depot in the middle; two funders' requests. */
export function gridProblem(): {
  problem: Problem;
  tags: Record<string, VehicleTag>;
  funderOf: Record<string, string>;
} {
  const points: [number, number][] = [];
  for (let x = 0; x <= 4; x++) for (let y = 0; y <= 4; y++) points.push([x * 1.25, y * 1.25]);
  const km = (a: [number, number], b: [number, number]) =>
    Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
  const distance = points.map((a) => points.map((b) => km(a, b)));
  const depot = 12;
  const trips: [number, number, string][] = [
    [0, 24, "council"],
    [4, 20, "council"],
    [1, 23, "council"],
    [5, 19, "council"],
    [24, 0, "nhs"],
    [20, 4, "nhs"],
    [2, 22, "nhs"],
    [10, 14, "nhs"],
  ];
  const requests = trips.map(([from, to, funder], i) => ({
    ...request(`${funder}-${i}`, from, to, [1, i % 3 === 0 ? 1 : 0]),
    pickup: { location: from, service: 1, window: [470, 520] as const },
    dropoff: { location: to, service: 1, window: [480, 560] as const },
    maxRideTime: { factor: 2, constant: 10 },
    penalty: 1_000,
  }));
  const problem: Problem = {
    version: 1,
    dimensions: ["seats", "wheelchairs"],
    locations: points.map((_, i) => ({ id: `p${i}` })),
    matrices: { time: distance.map((row) => row.map((d) => 2 * d)), distance },
    requests,
    vehicles: ["v1", "v2", "v3"].map((id) => ({
      ...vehicle(id, 40, 0.5, 12),
      start: depot,
      end: depot,
    })),
    objective: "cost",
  };
  const tags: Record<string, VehicleTag> = {
    v1: { funders: ["council"], emissionClass: "minibus-diesel" },
    v2: { funders: ["nhs"], emissionClass: "wav-diesel" },
    v3: { funders: ["nhs"], emissionClass: "car-average", co2GramsPerKm: 150 },
  };
  const funderOf = Object.fromEntries(trips.map(([, , f], i) => [`${f}-${i}`, f]));
  return { problem, tags, funderOf };
}
