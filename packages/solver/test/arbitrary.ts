import fc from "fast-check";
import type { Problem, Request, Vehicle } from "../src/index";
import { grid } from "./builders";

/** Small random problems exercising every rule the solver plans for (including drivers' breaks). */
export const arbProblem: fc.Arbitrary<Problem> = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
      minLength: 3,
      maxLength: 12,
    }),
    nReq: fc.integer({ min: 1, max: 10 }),
    nVeh: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 120, maxLength: 120 }),
    objective: fc.constantFrom(
      "cost" as const,
      "distance" as const,
      "vehicles-then-distance" as const,
    ),
  })
  .map(({ points, nReq, nVeh, seed, objective }) => {
    let k = 0;
    const draw = (n: number): number => seed[k++ % seed.length]! % n;
    const L = points.length;
    const requests: Request[] = Array.from({ length: nReq }, (_, i) => {
      const from = draw(L);
      const to = (from + 1 + draw(L - 1)) % L;
      const t0 = draw(120);
      return {
        id: `r${i}`,
        pickup: { location: from, service: draw(3), window: [t0, t0 + 10 + draw(60)] },
        dropoff: { location: to, service: draw(3), window: [t0, t0 + 60 + draw(120)] },
        load: [1 + draw(2), draw(4) === 0 ? 1 : 0],
        ...(draw(3) === 0 ? { maxRideTime: { factor: 1.5, constant: 10 } } : {}),
        ...(draw(5) === 0 ? { features: ["ramp"] } : {}),
        ...(draw(6) === 0 ? { needsAssistant: true } : {}),
        ...(draw(6) === 0 ? { doorThroughDoor: true } : {}),
        ...(draw(5) === 0 && i > 0 ? { incompatibleWith: [`r${draw(i)}`] } : {}),
        ...(draw(4) === 0 ? { groups: ["g"] } : draw(6) === 0 ? { incompatibleGroups: ["g"] } : {}),
        ...(draw(3) === 0 ? { penalty: draw(200) } : {}),
      };
    });
    const vehicles: Vehicle[] = Array.from({ length: nVeh }, (_, i) => ({
      id: `v${i}`,
      start: draw(L),
      end: draw(L),
      shift: [0, 200 + draw(200)],
      ...(draw(2) === 0 ? { maxDuration: 150 + draw(100) } : {}),
      layouts:
        draw(2) === 0
          ? [[4, 0]]
          : [
              [6, 0],
              [3, 1],
            ],
      ...(draw(2) === 0 ? { features: ["ramp"] } : {}),
      hasAssistant: draw(2) === 0,
      ...(draw(3) === 0
        ? {
            breaks: [
              draw(2) === 0
                ? { id: "b", duration: 15, window: [60, 120] as const }
                : { id: "b", duration: 10, maxDrivingBefore: 60 },
            ],
          }
        : {}),
      costs: { fixed: draw(50), perDistance: 1, perHour: draw(30) },
    }));
    return {
      version: 1 as const,
      dimensions: ["seats", "wheelchairs"],
      ...grid(points),
      requests,
      vehicles,
      objective,
    };
  });
