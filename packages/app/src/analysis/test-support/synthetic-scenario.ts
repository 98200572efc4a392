import { PROBLEM_VERSION, type Problem, type Request, type Vehicle } from "@tt/solver";
import type { IntegrationScenario, RequestTag, VehicleTag } from "../model/types";

/** Points on a 20 km square; location 0 is the depot, 1..3 the funders' destinations. */
const POINTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [10, 2],
  [8, 12],
  [2, 9],
  ...Array.from({ length: 12 }, (_, i) => [3 + ((i * 7) % 13), 1 + ((i * 5) % 11)] as const),
];

function matrices(): Problem["matrices"] {
  const distance = POINTS.map(([ax, ay]) =>
    POINTS.map(([bx, by]) => Math.round(Math.hypot(ax - bx, ay - by) * 1000) / 1000),
  );
  // 30 km/h: two minutes a kilometre.
  const time = distance.map((row) => row.map((km) => Math.round(km * 200) / 100));
  return { distance, time };
}

const SERVICES = ["send-school", "nepts", "drt"] as const;

function request(funder: number, k: number, m: Problem["matrices"]): Request {
  const home = 4 + funder * 4 + k;
  const goal = 1 + funder;
  const direct = m.time[home]?.[goal] ?? 0;
  const arrive = 8 * 60 + 45 + funder * 15;
  return {
    id: `r${funder}-${k}`,
    pickup: { location: home, service: 2, window: [arrive - 90, arrive - 2 - direct] },
    dropoff: { location: goal, service: 2, window: [arrive - 30, arrive] },
    load: [1, 0],
    maxRideTime: { absolute: 60 },
    penalty: 1000,
  };
}

function vehicle(id: string, fixed: number): Vehicle {
  return {
    id,
    start: 0,
    end: 0,
    shift: [6 * 60, 18 * 60],
    layouts: [[8, 1]],
    costs: { fixed, perDistance: 1.2, perHour: 20 },
  };
}

/**
 * Three funders with four requests each to their own destination, and one minibus each: small
 * enough to plan every coalition in a unit test, shared enough that pooling saves vehicles.
 */
export function syntheticScenario(): IntegrationScenario {
  const m = matrices();
  const requests = [0, 1, 2].flatMap((f) => [0, 1, 2, 3].map((k) => request(f, k, m)));
  const vehicles = [vehicle("v-a", 120), vehicle("v-b", 110), vehicle("v-c", 100)];
  const funders = ["council-send", "nhs-nepts", "council-drt"];
  const problem: Problem = {
    version: PROBLEM_VERSION,
    name: "synthetic",
    dimensions: ["seats", "wheelchairs"],
    locations: POINTS.map((_, i) => ({ id: `l${i}` })),
    matrices: m,
    requests,
    vehicles,
    objective: "cost",
  };
  const requestTags: Record<string, RequestTag> = {};
  for (const r of requests) {
    const f = Number(r.id.slice(1, 2));
    requestTags[r.id] = { funder: funders[f] as string, service: SERVICES[f] as string };
  }
  const vehicleTags: Record<string, VehicleTag> = {};
  vehicles.forEach((v, i) => {
    vehicleTags[v.id] = { funders: [funders[i] as string], emissionClass: "minibus-diesel" };
  });
  return {
    name: "synthetic three funders",
    date: "2026-11-24",
    funders: funders.map((key) => ({ key, name: key, organisation: "Test" })),
    problem,
    requests: requestTags,
    vehicles: vehicleTags,
    mixing: { version: "test-1", rules: [] },
    positions: POINTS.map(([x, y]) => [0 + x / 68, 52.2 + y / 111] as const),
  };
}
