import { evaluate } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { plannedDayWithNewcomer } from "../test-support/planned-day";
import { insertionOptions } from "./insertion-options";
import { LiveProblem } from "./live-problem";
import { placeWithinTold } from "./told-place";

/** Eight pupils on three minibuses, planned without the last one, who then asks for a seat. */
async function plannedDay() {
  const day = await plannedDayWithNewcomer(8);
  return { ...day, live: LiveProblem.of(day.base, day.at) };
}

describe("a place in the pick-up window the passenger was told", () => {
  it("finds a vehicle calling late in the trip's window when the cheapest places call earlier", async () => {
    const { full, plan, newcomer, live } = await plannedDay();
    const [early, late] = newcomer.pickup.window;
    const cheapest = insertionOptions(live, plan, newcomer).options;
    // The usual options call early: none of them in the last five minutes of the window.
    const told = [late - 5, late] as const;
    expect(cheapest.length).toBeGreaterThan(0);
    expect(cheapest.every((o) => o.pickup < told[0])).toBe(true);
    const placed = placeWithinTold(live, plan, newcomer, told);
    if (!placed) throw new Error("no place in the window told");
    expect(placed.pickup).toBeGreaterThanOrEqual(told[0]);
    expect(placed.pickup).toBeLessThanOrEqual(told[1]);
    expect(placed.pickupWindow).toEqual(told);
    // Booked with the trip's own (wider) window, the run keeps every rule.
    const booked = { runs: [...plan.runs.filter((r) => r.vehicle !== placed.vehicle), placed.run] };
    expect(evaluate(full, booked).violations).toEqual([]);
    expect(early).toBeLessThan(told[0]);
  });

  it("finds none when the window told lies outside the trip's own", async () => {
    const { plan, newcomer, live } = await plannedDay();
    const [early] = newcomer.pickup.window;
    expect(placeWithinTold(live, plan, newcomer, [early - 60, early - 30])).toBeUndefined();
  });
});
