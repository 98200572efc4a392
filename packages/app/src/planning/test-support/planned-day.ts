import { type Plan, type Problem, solve } from "@tt/solver";
import { buildProblem } from "../build-problem";
import {
  passenger,
  tinyRegister,
  straightLineTravelTimes as travel,
  trip,
  vehicle,
} from "./tiny-register";

/**
 * `pupils` pupils to school on three minibuses (half at 08:45, half at 09:15), planned without
 * the last one, who then asks for a seat: the full Problem, the one planned, the plan, the
 * newcomer's request, and how a live Problem reads its points.
 */
export async function plannedDayWithNewcomer(pupils: number) {
  const ids = Array.from({ length: pupils }, (_, k) => (k + 1).toString(16).padStart(2, "0"));
  const register = tinyRegister({
    passengers: ids.map((i) => passenger(`p${i}`)),
    tripRequests: ids.map((i, k) =>
      trip(`t${i}`, `p${i}`, { time: k % 2 === 0 ? "08:45" : "09:15" }),
    ),
    vehicles: [
      vehicle("v1"),
      vehicle("v2", { depotLat: 52.21 }),
      vehicle("v3", { depotLon: 0.14 }),
    ],
  });
  const built = await buildProblem(register, travel);
  const full = built.problem;
  const last = `t${ids[ids.length - 1]}`;
  const newcomer = full.requests.find((r) => r.id === last);
  if (!newcomer) throw new Error(`no request ${last}`);
  const base: Problem = { ...full, requests: full.requests.filter((r) => r !== newcomer) };
  const plan: Plan = solve(base, { seed: 1, iterations: 200 });
  const at = { travelTimes: travel.name, points: built.points };
  return { full, base, plan, newcomer, at, points: built.points };
}
