import type { Run, Solution } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { peakVehicles } from "./peak-vehicles";

const run = (vehicle: string, start: number, end: number, stops = true): Run => ({
  vehicle,
  layout: 0,
  stops: stops
    ? [
        {
          kind: "pickup",
          request: `${vehicle}-r`,
          location: 1,
          arrival: start,
          start,
          departure: start,
          load: [1],
        },
        {
          kind: "dropoff",
          request: `${vehicle}-r`,
          location: 2,
          arrival: end,
          start: end,
          departure: end,
          load: [0],
        },
      ]
    : [],
  start,
  end,
  distance: 1,
  duration: end - start,
  cost: { fixed: 0, distance: 0, time: 0, unserved: 0, total: 0 },
});

const plan = (...runs: Run[]): Solution => ({
  version: 1,
  runs,
  unassigned: [],
  cost: { fixed: 0, distance: 0, time: 0, unserved: 0, total: 0 },
  vehicles: runs.length,
  distance: 0,
  iterations: 0,
});

describe("peakVehicles", () => {
  it("counts vehicles out per slot across the day's span of every plan", () => {
    const result = peakVehicles({
      // 07:10–07:50 and 07:40–08:05
      council: plan(run("m1", 430, 470), run("m2", 460, 485)),
      // 07:50–08:30
      nhs: plan(run("a1", 470, 510)),
      pooled: plan(run("m1", 430, 510)),
    });
    expect(result.slotMinutes).toBe(15);
    // 07:00 (420) to 08:30 (510): six slots
    expect(result.slots).toEqual(["07:00", "07:15", "07:30", "07:45", "08:00", "08:15"]);
    // m1 is out 07:00–07:59, m2 07:30–08:14
    expect(result.series.council).toEqual([1, 1, 2, 2, 1, 0]);
    expect(result.series.nhs).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.series.pooled).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("leaves out runs that carry no one and counts a vehicle once per slot", () => {
    const result = peakVehicles(
      { pooled: plan(run("m1", 480, 500), run("m1", 485, 495), run("idle", 300, 900, false)) },
      60,
    );
    expect(result.slots).toEqual(["08:00"]);
    expect(result.series.pooled).toEqual([1]);
  });

  it("gives empty series when no plan has a run, and refuses a zero slot", () => {
    expect(peakVehicles({ pooled: plan() })).toEqual({
      slotMinutes: 15,
      slots: [],
      series: { pooled: [] },
    });
    expect(() => peakVehicles({}, 0)).toThrow(/slot length/);
  });
});
