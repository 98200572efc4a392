import type { StatusBoardView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { exceptionText, runProgressText, runVehicleText, totalsText } from "./board-words";

type Exception = StatusBoardView["exceptions"][number];
const exception = (over: Partial<Exception>): Exception => ({
  kind: "late",
  tripReference: "T-1",
  vehicleReference: "V-1",
  planned: "08:00",
  minutesLate: null,
  reason: null,
  ...over,
});

describe("the status board's words", () => {
  it("says each exception with its reason's label", () => {
    expect(exceptionText(exception({ minutesLate: 14 }))).toBe("Late: 14 min after 08:00");
    expect(exceptionText(exception({ kind: "no-show", reason: "unwell" }))).toBe(
      "No-show: Too unwell to travel",
    );
    expect(exceptionText(exception({ kind: "cancelled", reason: "weather", planned: null }))).toBe(
      "Cancelled for the day: Weather",
    );
  });

  it("counts the day and each run's stops in words", () => {
    const totals = { runs: 1, underWay: 1, finished: 0, noShows: 1, late: 2, cancelled: 0 };
    expect(totalsText(totals)).toBe(
      "1 run: 1 under way, 0 finished; 1 no-show, 2 late stops, 0 cancelled trips.",
    );
    const run = {
      vehicleId: "v",
      vehicleReference: "V-1",
      from: "08:00",
      to: "09:00",
      stops: 6,
      done: 2,
      state: "under-way" as const,
      next: "08:20",
      lateMinutes: 12,
      noShows: 0,
      forOrganisation: null,
    };
    expect(runProgressText(run)).toBe("Under way, 2 of 6 stops, 12 min late");
    expect(runVehicleText(run)).toBe("V-1");
    expect(runVehicleText({ ...run, forOrganisation: "County" })).toBe("V-1, for County");
  });
});
