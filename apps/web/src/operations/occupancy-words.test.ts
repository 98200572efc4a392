import type { OccupancyView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { importedText, seatsVerdict, sweeperText } from "./occupancy-words";

type Row = OccupancyView["rows"][number];
const row = (over: Partial<Row>): Row => ({
  vehicleId: "v",
  vehicleReference: "V-1",
  weekday: "mon",
  seats: 16,
  plannedTravellers: 12,
  daysObserved: 5,
  observedMean: 8,
  observedMax: 10,
  observedAtPercentile: 9,
  suggestedSeats: 9,
  ...over,
});

describe("occupancy in words", () => {
  it("compares the suggested seats with the plan and the vehicle", () => {
    expect(seatsVerdict(row({}))).toBe("3 planned seats not used");
    expect(seatsVerdict(row({ suggestedSeats: 14 }))).toBe("2 more than planned");
    expect(seatsVerdict(row({ suggestedSeats: 18 }))).toBe("More travellers than seats");
    expect(seatsVerdict(row({ plannedTravellers: null }))).toBe("No operating plan");
    expect(seatsVerdict(row({ suggestedSeats: 12 }))).toBe("As planned");
  });

  it("says what an import stored and when a sweeper is needed", () => {
    const report = {
      rows: 4,
      stored: 3,
      duplicates: 1,
      withPassenger: 2,
      vehicles: 1,
      from: "2026-09-01",
      to: "2026-09-05",
    };
    expect(importedText(report)).toBe(
      "Imported 4 taps on 1 vehicle, 2026-09-01 to 2026-09-05 (1 were already held); 2 name a passenger.",
    );
    const base = { from: "", to: "", percentile: 85, rows: [], reviewCandidates: [] };
    expect(sweeperText({ ...base, uncovered: [], sweeperSeats: null })).toContain("no sweeper");
    const uncovered = [
      { vehicleId: "v", vehicleReference: "V-2", weekday: "mon" as const, plannedTravellers: 7 },
    ];
    expect(sweeperText({ ...base, uncovered, sweeperSeats: 7 })).toBe(
      "1 planned run has no taps yet: keep a sweeper vehicle of at least 7 seats on call until the taps cover them.",
    );
  });
});
