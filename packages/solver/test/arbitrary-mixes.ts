import type fc from "fast-check";
import type { Problem, Request, Vehicle } from "../src/index";
import { arbProblem } from "./arbitrary";

/**
 * Constraint mixes for property tests: each starts from a plain problem (time windows, one
 * layout, no ride-time limits, breaks, sharing rules, features or links, no time cost) and turns
 * on one family of rules, so every branch of the move evaluators is reached on purpose (the plain
 * mix takes the O(1) screening path; the others need the full schedule check). `all` keeps every
 * rule `arbProblem` draws at random.
 */
export const MIXES = [
  "time-windows",
  "time-costs",
  "ride-times",
  "durations",
  "layouts",
  "breaks",
  "sharing",
  "linked-legs",
  "features",
  "all",
] as const;
export type Mix = (typeof MIXES)[number];

function plainRequest(r: Request): Request {
  const {
    maxRideTime: _ride,
    features: _features,
    needsAssistant: _assistant,
    doorThroughDoor: _dtd,
    incompatibleWith: _with,
    incompatibleGroups: _groups,
    groups: _g,
    linkedRequest: _linked,
    ...rest
  } = r;
  return { ...rest, load: [r.load[0] ?? 1, 0] };
}

function plainVehicle(v: Vehicle): Vehicle {
  const { maxDuration: _d, features: _f, hasAssistant: _a, breaks: _b, ...rest } = v;
  return { ...rest, layouts: [[4, 0]], costs: { ...v.costs, perHour: 0 } };
}

/** Requests 2k and 2k+1 become the two legs of one journey (linked both ways). */
function linkLegs(requests: readonly Request[]): Request[] {
  return requests.map((r, i) => {
    const partner = i % 2 === 0 ? i + 1 : i - 1;
    const other = requests[partner];
    return other ? { ...r, linkedRequest: other.id } : r;
  });
}

/** What each mix turns back on, per request and per vehicle (from the drawn original). */
interface Rules {
  readonly request?: (plain: Request, original: Request) => Request;
  readonly vehicle?: (plain: Vehicle, original: Vehicle) => Vehicle;
  readonly requests?: (requests: readonly Request[]) => Request[];
}

const TWO_LAYOUTS = [
  [6, 0],
  [3, 1],
];

const RULES: Record<Exclude<Mix, "all">, Rules> = {
  "time-windows": {},
  "time-costs": { vehicle: (v, o) => ({ ...v, costs: o.costs }) },
  "ride-times": {
    request: (r, o) => ({
      ...r,
      maxRideTime: { factor: 1.2 + (Number(o.id.slice(1)) % 3) * 0.3, constant: 5 },
    }),
  },
  durations: { vehicle: (v, o) => ({ ...v, maxDuration: o.maxDuration ?? 120 }) },
  layouts: {
    request: (r, o) => ({ ...r, load: o.load }),
    vehicle: (v, o) => ({ ...v, layouts: o.layouts.length > 1 ? o.layouts : TWO_LAYOUTS }),
  },
  breaks: {
    vehicle: (v, o) => ({
      ...v,
      breaks: o.breaks ?? [{ id: "b", duration: 15, window: [40, 90] as const }],
    }),
  },
  sharing: {
    request: (r, o) => {
      const { doorThroughDoor, incompatibleWith, incompatibleGroups, groups } = o;
      return { ...r, doorThroughDoor, incompatibleWith, incompatibleGroups, groups };
    },
  },
  "linked-legs": { requests: linkLegs },
  features: {
    request: (r, o) => ({ ...r, features: o.features, needsAssistant: o.needsAssistant }),
    vehicle: (v, o) => ({ ...v, features: o.features, hasAssistant: o.hasAssistant }),
  },
};

function shape(p: Problem, mix: Mix): Problem {
  if (mix === "all") return p;
  const rules = RULES[mix];
  const requests = p.requests.map((r) => {
    const plain = plainRequest(r);
    return rules.request ? rules.request(plain, r) : plain;
  });
  const vehicles = p.vehicles.map((v) => {
    const plain = plainVehicle(v);
    return rules.vehicle ? rules.vehicle(plain, v) : plain;
  });
  return { ...p, requests: rules.requests ? rules.requests(requests) : requests, vehicles };
}

/** A random problem of the given constraint mix. */
export function arbMix(mix: Mix): fc.Arbitrary<Problem> {
  return arbProblem.map((p) => shape(p, mix));
}
