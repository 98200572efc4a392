import { Random } from "@tt/domain";
import type { Problem, Request, Vehicle } from "@tt/solver";

export interface CountyOptions {
  readonly requests: number;
  readonly vehicles: number;
  readonly seed: number;
}

/**
 * A synthetic county (60 km × 50 km, 30 towns): home-to-school and SEND trips, day-centre trips
 * and hospital trips on one mixed fleet of minibuses, taxis and accessible vehicles with
 * assistants. Road distance = 1.3 × straight line; 40 km/h.
 */
export function countyProblem(opts: CountyOptions): Problem {
  const random = new Random(opts.seed);
  const rnd = (): number => random.next();
  const towns = Array.from({ length: 30 }, () => [rnd() * 60, rnd() * 50] as const);
  const near = (spread: number): [number, number] => {
    const t = towns[Math.floor(rnd() * towns.length)]!;
    return [t[0] + (rnd() - 0.5) * spread, t[1] + (rnd() - 0.5) * spread];
  };
  const pts: [number, number][] = [];
  const add = (p: [number, number]): number => pts.push(p) - 1;
  const depots = Array.from({ length: 10 }, () => add(near(4)));
  const schools = Array.from({ length: 80 }, () => add(near(3)));
  const centres = Array.from({ length: 15 }, () => add(near(3)));
  const hospitals = Array.from({ length: 5 }, () => add(near(2)));
  const d2 = (a: number, b: number): number =>
    (pts[a]![0] - pts[b]![0]) ** 2 + (pts[a]![1] - pts[b]![1]) ** 2;
  /** One of the three nearest places of a kind (children go to a local school). */
  const pick = (xs: number[], from: number): number => {
    const byDistance = xs.slice().sort((a, b) => d2(a, from) - d2(b, from));
    return byDistance[Math.floor(rnd() * Math.min(3, byDistance.length))]!;
  };
  const requests: Request[] = [];
  for (let i = 0; i < opts.requests; i++) {
    const home = add(near(8));
    const u = rnd();
    const wheelchair = rnd() < 0.12;
    const base = {
      load: wheelchair ? [0, 1] : [1, 0],
      ...(wheelchair ? { features: ["tail-lift"] } : {}),
      ...(rnd() < 0.04 ? { needsAssistant: true } : {}),
      ...(rnd() < 0.02 ? { doorThroughDoor: true } : {}),
      maxRideTime: { factor: 1.6, constant: 15, absolute: 75 },
      penalty: 2000,
    };
    if (u < 0.6) {
      requests.push({
        id: `s${i}`,
        pickup: { location: home, service: 1, window: [400, 515] },
        dropoff: { location: pick(schools, home), service: 1, window: [500, 525] },
        ...base,
      });
    } else if (u < 0.85) {
      requests.push({
        id: `c${i}`,
        pickup: { location: home, service: 2, window: [480, 570] },
        dropoff: { location: pick(centres, home), service: 2, window: [510, 600] },
        ...base,
      });
    } else {
      const t = 480 + Math.floor(rnd() * 420);
      requests.push({
        id: `h${i}`,
        pickup: { location: home, service: 2, window: [t - 90, t - 20] },
        dropoff: { location: pick(hospitals, home), service: 2, window: [t - 20, t] },
        ...base,
      });
    }
  }
  const vehicles: Vehicle[] = Array.from({ length: opts.vehicles }, (_, k) => {
    const depot = depots[k % depots.length]!;
    const kind = k % 10;
    const common = {
      id: `veh${k}`,
      start: depot,
      end: depot,
      shift: [390, 1080] as const,
      maxDuration: 600,
    };
    if (kind < 6)
      return {
        ...common,
        layouts: [
          [8, 0],
          [5, 1],
        ],
        features: ["tail-lift"],
        costs: { fixed: 120, perDistance: 0.5, perHour: 18 },
      };
    if (kind < 9)
      return { ...common, layouts: [[4, 0]], costs: { fixed: 30, perDistance: 1.2, perHour: 0 } };
    return {
      ...common,
      layouts: [
        [6, 0],
        [4, 2],
      ],
      features: ["tail-lift"],
      hasAssistant: true,
      costs: { fixed: 150, perDistance: 0.6, perHour: 22 },
    };
  });
  const distance = pts.map(([xa, ya]) => pts.map(([xb, yb]) => 1.3 * Math.hypot(xa - xb, ya - yb)));
  const time = distance.map((row) => row.map((d) => (d / 40) * 60));
  return {
    version: 1,
    name: `county-${opts.requests}x${opts.vehicles}-seed${opts.seed}`,
    dimensions: ["seats", "wheelchairs"],
    locations: pts.map((_, i) => ({ id: `P${i}` })),
    matrices: { time, distance },
    requests,
    vehicles,
    objective: "cost",
  };
}
