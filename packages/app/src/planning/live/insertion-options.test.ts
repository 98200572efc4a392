import { evaluate, insert, type Plan, type Problem } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { plannedDayWithNewcomer } from "../test-support/planned-day";
import { straightLineTravelTimes as travel } from "../test-support/tiny-register";
import { insertionOptions } from "./insertion-options";
import { LiveProblem } from "./live-problem";

/** Ten pupils to school on three minibuses, planned; then the last one is taken out. */
const plannedDay = () => plannedDayWithNewcomer(10);

/** Who is on board at some moment with `id` on the run. */
function onBoardWith(run: Plan["runs"][number], id: string): string[] {
  const aboard = new Set<string>();
  const met = new Set<string>();
  for (const s of run.stops) {
    if (s.kind === "break") continue;
    if (s.kind === "pickup") aboard.add(s.request);
    if (aboard.has(id)) for (const other of aboard) if (other !== id) met.add(other);
    if (s.kind === "dropoff") aboard.delete(s.request);
  }
  return [...met];
}

const withRun = (plan: Plan, run: Plan["runs"][number]): Plan => ({
  runs: [...plan.runs.filter((r) => r.vehicle !== run.vehicle), run],
});

describe("options to book a trip into a live plan", () => {
  it("finds the engine's own best insertion first, on different vehicles, cheapest first", async () => {
    const { full, base, plan, newcomer, at } = await plannedDay();
    const { options } = insertionOptions(LiveProblem.of(base, at), plan, newcomer);
    expect(options.length).toBeGreaterThan(1);
    expect(new Set(options.map((o) => o.vehicle)).size).toBe(options.length);
    const costs = options.map((o) => o.addedCost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const best = insert(full, plan, newcomer);
    if (!best.ok) throw new Error(best.message);
    expect(options[0]?.addedCost).toBeCloseTo(best.addedCost, 6);
    for (const option of options) {
      const booked = withRun(plan, option.run);
      const checked = evaluate(full, booked);
      expect(checked.violations).toEqual([]);
      expect(checked.objective - evaluate(base, plan).objective).toBeCloseTo(option.addedCost, 6);
      // Every other run is as it was, and on this one nobody else changes order.
      const was = plan.runs.find((r) => r.vehicle === option.vehicle)?.stops ?? [];
      const others = option.run.stops.filter((s) => s.kind === "break" || s.request !== "t0a");
      const order = (stops: readonly Plan["runs"][number]["stops"][number][]) =>
        stops.flatMap((s) => (s.kind === "break" ? [] : [`${s.kind}:${s.request}`]));
      expect(order(others)).toEqual(order(was));
      expect(option.pickup).toBeGreaterThanOrEqual(newcomer.pickup.window[0]);
      expect(option.dropoff).toBeLessThanOrEqual(newcomer.dropoff.window[1]);
    }
  });

  it("adds a new address with its rows, the same as the whole matrix would give", async () => {
    const { base, plan, newcomer, at, points } = await plannedDay();
    const home = { lat: 52.215, lon: 0.105 };
    const live = LiveProblem.of(base, at);
    const located = await live.locate([home], [{ id: "home:new" }], travel);
    expect(located.indices).toEqual([base.locations.length]);
    expect(located.added.points).toEqual([home]);
    const again = await located.live.locate([home], [{ id: "home:new" }], travel);
    expect(again.indices).toEqual(located.indices);
    expect(again.added.points).toEqual([]);
    const all = [...points, home];
    const square = await travel.matrix(all);
    const n = all.length;
    for (const [a, b] of [
      [n - 1, 0],
      [0, n - 1],
      [n - 1, n - 1],
      [2, 3],
    ] as const) {
      const seconds = square.durations[a * n + b] ?? Number.NaN;
      expect(located.live.time(a, b)).toBeCloseTo(seconds / 60, 2);
    }
    const fromNewHome = { ...newcomer, pickup: { ...newcomer.pickup, location: n - 1 } };
    const booked = located.live.withRequests([fromNewHome]);
    const { options } = insertionOptions(booked, plan, fromNewHome);
    expect(options.length).toBeGreaterThan(0);
    const whole = booked.whole();
    expect(whole.locations).toHaveLength(n);
    expect(evaluate(whole, withRun(plan, options[0]!.run)).violations).toEqual([]);
  });

  it("says why no vehicle can take a trip, counting vehicles by reason", async () => {
    const { base, plan, newcomer, at } = await plannedDay();
    const wheelchair = { ...newcomer, features: ["wheelchair-space"], load: [0, 1] };
    const none = insertionOptions(LiveProblem.of(base, at), plan, wheelchair);
    expect(none.options).toEqual([]);
    expect(none.refusals).toEqual([
      { reason: "features", vehicles: 3, example: "v1 has no wheelchair-space" },
    ]);
  });

  it("keeps who may share with whom: a trip that travels alone is never on board with anyone", async () => {
    const { base, plan, newcomer, at } = await plannedDay();
    const alone = { ...newcomer, incompatibleGroups: ["any-passenger"] };
    const { options } = insertionOptions(LiveProblem.of(base, at), plan, alone);
    for (const option of options) expect(onBoardWith(option.run, "t0a")).toEqual([]);
    // And nobody rides with a passenger who travels alone: not the new trip either.
    const first = plan.runs[0]!;
    const lonelyId = first.stops.flatMap((s) => (s.kind === "pickup" ? [s.request] : []))[0]!;
    const lonely: Problem = {
      ...base,
      requests: base.requests.map((r) =>
        r.id === lonelyId ? { ...r, incompatibleGroups: ["any-passenger"] } : r,
      ),
    };
    const found = insertionOptions(LiveProblem.of(lonely, at), plan, newcomer);
    expect(found.options.length).toBeGreaterThan(0);
    for (const option of found.options) {
      expect(onBoardWith(option.run, "t0a")).not.toContain(lonelyId);
    }
    const only = insertionOptions(LiveProblem.of(base, at), plan, newcomer, {
      only: first.vehicle,
      max: 1,
    });
    expect(only.options.map((o) => o.vehicle)).toEqual([first.vehicle]);
  });

  it("refuses a new address for a plan kept without its points", async () => {
    const { base } = await plannedDay();
    const old = LiveProblem.of(base, undefined);
    await expect(old.locate([{ lat: 52.3, lon: 0.2 }], [], travel)).rejects.toThrow(
      /kept without the points/,
    );
    const known = await old.locate([{ lat: 0, lon: 0 }], [{ id: "place:place-school" }], travel);
    expect(base.locations[known.indices[0]!]?.id).toBe("place:place-school");
  });
});
