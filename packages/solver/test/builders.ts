import type { Problem, Request, Vehicle } from "../src/index";

/** Locations on a plane; travel time = distance = Euclidean (minutes = km at 60 km/h). */
export function grid(
  points: readonly (readonly [number, number])[],
): Pick<Problem, "locations" | "matrices"> {
  const m = points.map(([xa, ya]) => points.map(([xb, yb]) => Math.hypot(xa - xb, ya - yb)));
  return { locations: points.map((_, i) => ({ id: `L${i}` })), matrices: { time: m, distance: m } };
}

export function request(
  id: string,
  from: number,
  to: number,
  extra: Partial<Request> = {},
): Request {
  return {
    id,
    pickup: { location: from, service: 0, window: [0, 1000] },
    dropoff: { location: to, service: 0, window: [0, 1000] },
    load: [1],
    ...extra,
  };
}

export function vehicle(id: string, extra: Partial<Vehicle> = {}): Vehicle {
  return {
    id,
    start: 0,
    end: 0,
    shift: [0, 1000],
    layouts: [[4]],
    costs: { fixed: 0, perDistance: 1, perHour: 0 },
    ...extra,
  };
}

/** Depot at 0 = (0,0); A=1 (10,0); B=2 (20,0); C=3 (30,0); D=4 (0,10). */
export function lineProblem(
  requests: Request[],
  vehicles: Vehicle[],
  extra: Partial<Problem> = {},
): Problem {
  return {
    version: 1,
    dimensions: ["seats"],
    ...grid([
      [0, 0],
      [10, 0],
      [20, 0],
      [30, 0],
      [0, 10],
    ]),
    requests,
    vehicles,
    objective: "cost",
    ...extra,
  };
}
