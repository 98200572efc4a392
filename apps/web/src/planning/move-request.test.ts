import { describe, expect, it } from "vitest";
import { describeViolation } from "./move-request";

describe("describeViolation", () => {
  it("names the rule, the requests by reference, the stops counted from 1 and the excess", () => {
    const text = describeViolation(
      {
        constraint: "time-window",
        requests: ["r1", "r2"],
        stops: [0, 3],
        amount: 12.34,
        message: "",
      },
      (id) => `REF-${id}`,
    );
    expect(text).toBe("Time window: REF-r1, REF-r2 at stop 1, 4, over by 12.3");
  });

  it("leaves out the stop and the excess when there are none", () => {
    const text = describeViolation(
      { constraint: "capacity", requests: ["r1"], stops: [], amount: 0, message: "" },
      (id) => id,
    );
    expect(text).toBe("Capacity: r1");
  });
});
