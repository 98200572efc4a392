import { describe, expect, it } from "vitest";
import {
  readStoredPlanPart,
  storedPlanStopsSchema,
  storedPlanSummarySchema,
  storedProblemSchema,
} from "./stored-plan-parts";

const where = { planId: "p1", part: "stops" };
const times = { location: 0, arrival: 480, start: 480, departure: 482, load: [1, 0] };

describe("stored plan parts", () => {
  it("reads pick-ups, drop-offs and breaks, each with its own id", () => {
    const stops = [
      { kind: "pickup", tripRequestId: "t1", ...times },
      { kind: "break", breakId: "lunch", ...times },
      { kind: "dropoff", tripRequestId: "t1", ...times },
    ];
    expect(readStoredPlanPart(storedPlanStopsSchema, stops, where)).toEqual(stops);
  });

  it("refuses a stop out of shape, naming the plan, the part and the field", () => {
    const stops = [{ kind: "break", tripRequestId: "t1", ...times }];
    expect(() => readStoredPlanPart(storedPlanStopsSchema, stops, where)).toThrow(
      /Plan p1: stored stops out of shape \(0\.breakId: /,
    );
  });

  it("refuses a summary without its figures", () => {
    const part = { planId: "p1", part: "summary" };
    expect(() => readStoredPlanPart(storedPlanSummarySchema, { requests: 3 }, part)).toThrow(
      /stored summary out of shape \(date: /,
    );
  });

  it("checks a kept Problem with the engine's own validator", () => {
    const problem = {
      version: 1,
      dimensions: ["seats"],
      locations: [],
      matrices: { time: [], distance: [] },
      requests: [],
      vehicles: [],
      objective: "cost",
    };
    const part = { planId: "p1", part: "Problem" };
    expect(readStoredPlanPart(storedProblemSchema, problem, part)).toEqual(problem);
    expect(() => readStoredPlanPart(storedProblemSchema, { version: 1 }, part)).toThrow(
      /stored Problem out of shape \(\(root\): objective: /,
    );
  });
});
