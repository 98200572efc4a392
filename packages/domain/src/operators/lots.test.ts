import { describe, expect, it } from "vitest";
import { buildLots, daysPerYear, JOIN_GAP_MINUTES, type LotRunInput } from "./lots";

const run = (over: Partial<LotRunInput> & { vehicleId: string }): LotRunInput => ({
  vehicleReference: over.vehicleId.toUpperCase(),
  vehicleKind: "minibus",
  start: 7 * 60,
  end: 9 * 60,
  seats: 6,
  wheelchairs: 0,
  costPence: 10_000,
  trips: [{ school: "s1", daysPerYear: 190 }],
  ...over,
});

describe("lots from a plan", () => {
  it("counts the days a year a trip travels: weekdays, dates, terms", () => {
    const weekdays = {
      kind: "recurring" as const,
      weekdays: ["mon" as const, "fri" as const],
      from: "2026-09-01",
      to: "2027-08-31",
    };
    // 2026-09-01 to 2027-08-31 holds 52 Mondays and 52 Fridays.
    expect(daysPerYear(weekdays, "2026-09-01")).toBe(104);
    const terms = [{ start: "2026-09-07", end: "2026-09-18" }];
    expect(daysPerYear(weekdays, "2026-09-01", terms)).toBe(4);
    expect(daysPerYear({ kind: "one-off", date: "2026-10-01" }, "2026-09-01")).toBe(1);
    expect(daysPerYear({ kind: "one-off", date: "2025-10-01" }, "2026-09-01")).toBe(0);
  });

  it("puts each run in the lot of the school most of its trips serve", () => {
    const runs = [
      run({
        vehicleId: "a",
        trips: [
          { school: "s1", daysPerYear: 190 },
          { school: "s2", daysPerYear: 190 },
          { school: "s2", daysPerYear: 195 },
        ],
      }),
      run({ vehicleId: "b", costPence: 5_000 }),
      run({ vehicleId: "c", trips: [{ daysPerYear: 250 }] }),
    ];
    const names = new Map([
      ["s1", "Ely College"],
      ["s2", "Soham Village College"],
    ]);
    const lots = buildLots("school", runs, names);
    expect(lots.map((l) => [l.name, l.runs.map((r) => r.vehicleId)])).toEqual([
      ["Ely College", ["b"]],
      ["Runs serving no school", ["c"]],
      ["Soham Village College", ["a"]],
    ]);
    const soham = lots[2]!;
    expect(soham).toMatchObject({
      daysPerYear: 195,
      costPerDayPence: 10_000,
      estimatedCostPence: 1_950_000,
    });
    expect(soham.runs[0]?.trips).toBe(3);
  });

  it("groups by the vehicle a run needs", () => {
    const runs = [
      run({ vehicleId: "a", wheelchairs: 1 }),
      run({ vehicleId: "b" }),
      run({ vehicleId: "c", vehicleKind: "taxi", seats: 3 }),
    ];
    const lots = buildLots("vehicle-type", runs, new Map());
    expect(lots.map((l) => [l.name, l.needs])).toEqual([
      ["minibus", { seats: 6, wheelchairs: 0, vehicleKinds: ["minibus"] }],
      ["minibus with wheelchair space", { seats: 6, wheelchairs: 1, vehicleKinds: ["minibus"] }],
      ["taxi", { seats: 3, wheelchairs: 0, vehicleKinds: ["taxi"] }],
    ]);
  });

  it("joins morning, midday and afternoon runs into whole days, with time between them", () => {
    const runs = [
      run({ vehicleId: "am", start: 420, end: 540 }),
      run({ vehicleId: "am2", start: 430, end: 545, seats: 8 }),
      run({ vehicleId: "mid", start: 540 + JOIN_GAP_MINUTES, end: 720 }),
      run({ vehicleId: "pm", start: 900, end: 1_000, wheelchairs: 1 }),
      // Starts 35 minutes after "am2" ends, while "mid" runs: joins "am2".
      run({ vehicleId: "late", start: 580, end: 600 }),
    ];
    const lots = buildLots("time-band", runs, new Map());
    expect(lots.map((l) => [l.name, l.runs.map((r) => r.vehicleId)])).toEqual([
      ["Whole day 1", ["am", "mid", "pm"]],
      ["Whole day 2", ["am2", "late"]],
    ]);
    expect(lots[0]?.needs).toMatchObject({ seats: 6, wheelchairs: 1 });
    expect(lots[0]?.costPerDayPence).toBe(30_000);
  });
});
