import type { Request } from "@tt/solver";
import fc from "fast-check";
import type { IntegrationScenario, MixingRule } from "../model/types";
import { bus, scenarioOf, type TaggedRequest, type TaggedVehicle, trip } from "./scenario-builders";

export const ARB_SERVICES = ["send-school", "drt", "nepts-outpatient"] as const;
export const ARB_FUNDERS = ["council", "icb", "district"] as const;

const ALL_PAIRS: readonly MixingRule[] = [
  { services: ["send-school", "drt"], reason: "pupils apart from the public" },
  { services: ["send-school", "nepts-outpatient"], reason: "pupils apart from patients" },
  { services: ["drt", "nepts-outpatient"], reason: "patients apart from the public" },
];

const arbRequest = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  start: fc.integer({ min: 0, max: 90 }),
  width: fc.integer({ min: 5, max: 60 }),
  service: fc.constantFrom(...ARB_SERVICES),
  funder: fc.constantFrom(...ARB_FUNDERS),
  seats: fc.integer({ min: 1, max: 2 }),
  doorThroughDoor: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  linked: fc.boolean(),
  optional: fc.boolean(),
});

const arbVehicle = fc.record({
  start: fc.nat(),
  funders: fc.subarray([...ARB_FUNDERS], { minLength: 1 }),
  seats: fc.integer({ min: 2, max: 6 }),
});

/**
 * Small random scenarios: 3–8 places, 2–10 trips of random services and funders with windows
 * that overlap (so sharing tempts the solver), some return legs linked across funders, 1–3
 * vehicles of random fleets, and a random mixing policy.
 */
export const arbScenario: fc.Arbitrary<IntegrationScenario> = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
      minLength: 3,
      maxLength: 8,
    }),
    requests: fc.array(arbRequest, { minLength: 2, maxLength: 10 }),
    vehicles: fc.array(arbVehicle, { minLength: 1, maxLength: 3 }),
    rules: fc.subarray([...ALL_PAIRS]),
  })
  .map(({ points, requests, vehicles, rules }) => {
    const L = points.length;
    const tagged: TaggedRequest[] = requests.map((r, i) => {
      const from = r.from % L;
      const to = (from + 1 + (r.to % (L - 1))) % L;
      const extra: Partial<Request> = {
        pickup: { location: from, service: 1, window: [r.start, r.start + r.width] },
        dropoff: { location: to, service: 1, window: [r.start, r.start + r.width + 90] },
        load: [r.seats],
        ...(r.optional ? { penalty: 500 } : {}),
        ...(r.doorThroughDoor ? { doorThroughDoor: true } : {}),
      };
      return { request: trip(`r${i}`, from, to, extra), funder: r.funder, service: r.service };
    });
    // Trips 0 and 1, 2 and 3, … are a return pair when both say so.
    const linked = tagged.map((t, i) => {
      const pair = i % 2 === 0 ? i + 1 : i - 1;
      const partner = tagged[pair];
      const both = requests[i]!.linked && requests[pair]?.linked;
      return partner && both
        ? { ...t, request: { ...t.request, linkedRequest: partner.request.id } }
        : t;
    });
    const fleet: TaggedVehicle[] = vehicles.map((v, i) => ({
      vehicle: bus(`v${i}`, { start: v.start % L, end: v.start % L, layouts: [[v.seats]] }),
      funders: v.funders,
    }));
    return scenarioOf(points, linked, fleet, { version: "random", rules });
  });
