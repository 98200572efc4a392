import type { Plan, ScheduledStop, Solution, Unassigned } from "@tt/solver";
import type { NewPlan, PlanRunStop, PlanSummary, SolveFacts, StoredPlan } from "../ports";
import type { BuiltProblem } from "./build-problem";
import { assistantsNote, heldBackNote } from "./held-back";
import { keepProblem } from "./kept-problem";

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A scheduled stop as stored: trip request ids only, times rounded to hundredths of a minute. */
export function toStop(s: ScheduledStop): PlanRunStop {
  const times = {
    location: s.location,
    arrival: round2(s.arrival),
    start: round2(s.start),
    departure: round2(s.departure),
    load: [...s.load],
  };
  return s.kind === "break"
    ? { kind: "break", breakId: s.break, ...times }
    : { kind: s.kind, tripRequestId: s.request, ...times };
}

/**
 * The reason to show people. A travel-alone passenger is mapped as incompatible with every other
 * request, so the engine reports `incompatibility` for any request it found no room for once such
 * a passenger exists. For requests that have no sharing rule of their own that reads as "no run
 * has room at the times needed", and is counted as `no-room`; the stored reasons stay the engine's.
 */
function peopleReason(built: BuiltProblem): (u: Unassigned) => string {
  const ownRule = new Set(
    built.problem.requests
      .filter(
        (r) => (r.incompatibleWith?.length ?? 0) > 0 || (r.incompatibleGroups?.length ?? 0) > 0,
      )
      .map((r) => r.id),
  );
  return (u) => (u.reason === "incompatibility" && !ownRule.has(u.request) ? "no-room" : u.reason);
}

/** The figures people look at first: counted from the solution and the mapping's issues. */
export function summarise(built: BuiltProblem, solution: Solution, facts: SolveFacts): PlanSummary {
  const unassignedByReason: Record<string, number> = {};
  const reasonOf = peopleReason(built);
  for (const u of solution.unassigned) {
    const reason = reasonOf(u);
    unassignedByReason[reason] = (unassignedByReason[reason] ?? 0) + 1;
  }
  const notPlanned = built.occurring - built.problem.requests.length;
  if (notPlanned > 0) unassignedByReason["not-planned"] = notPlanned;
  const pounds = (x: number) => round2(x);
  return {
    ...facts,
    requests: built.occurring,
    assigned: built.problem.requests.length - solution.unassigned.length,
    unassigned: solution.unassigned.length + notPlanned,
    unassignedByReason,
    vehiclesAvailable: built.problem.vehicles.length,
    vehiclesUsed: solution.runs.length,
    cost: {
      total: pounds(solution.cost.fixed + solution.cost.distance + solution.cost.time),
      fixed: pounds(solution.cost.fixed),
      distance: pounds(solution.cost.distance),
      time: pounds(solution.cost.time),
    },
    distanceKm: round2(solution.runs.reduce((sum, r) => sum + r.distance, 0)),
    solverIterations: solution.iterations,
    issueCount: built.issues.length,
    issues: built.issues.slice(0, 50),
    problemKept: true,
  };
}

/** The stored form of a solution: runs name trip request ids only, costs in pence. */
export function planFromSolution(
  built: BuiltProblem,
  solution: Solution,
  summary: PlanSummary,
): NewPlan {
  return {
    name: `Day plan ${summary.date}`,
    serviceDate: summary.date,
    status: "draft",
    summary: { ...summary },
    unassigned: solution.unassigned.map((u) => ({
      tripRequestId: u.request,
      reason: u.reason,
      message: withHeldBack(built, u),
    })),
    problem: keepProblem(built, summary.travelTimes),
    runs: solution.runs.map((r) => ({
      vehicleId: r.vehicle,
      layout: r.layout,
      stops: r.stops.map(toStop),
      distanceMetres: r.distance * 1000,
      durationSeconds: r.duration * 60,
      costPence: (r.cost.fixed + r.cost.distance + r.cost.time) * 100,
    })),
  };
}

/**
 * The engine's reason, the held-back vehicles that could have carried the trip, and for a
 * passenger who needs an assistant, the assistants not rostered for a lapsed check.
 */
function withHeldBack(built: BuiltProblem, u: Unassigned): string {
  const wanted = built.heldBack || built.assistantsHeldBack;
  const request = wanted && built.problem.requests.find((r) => r.id === u.request);
  const notes = [
    request && heldBackNote(request, built.heldBack ?? []),
    request?.needsAssistant && assistantsNote(built.assistantsHeldBack ?? []),
  ].filter((n): n is string => typeof n === "string");
  return [u.message, ...notes].join(" ");
}

/** The engine's plan (order of stops per vehicle) of a stored plan, to evaluate it again. */
export function enginePlan(plan: Pick<StoredPlan, "runs">): Plan {
  return {
    runs: plan.runs.map((r) => ({
      vehicle: r.vehicleId,
      layout: r.layout,
      stops: r.stops.map((s) =>
        s.kind === "break"
          ? { kind: "break" as const, break: s.breakId }
          : { kind: s.kind, request: s.tripRequestId },
      ),
    })),
  };
}
