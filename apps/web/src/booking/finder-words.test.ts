import { describe, expect, it } from "vitest";
import { settledChoice, withReference } from "./finder-words";

describe("what a finder settles on", () => {
  const rows = [
    { id: "1", reference: "SEND-0001", name: "Ada Lovelace" },
    { id: "2", reference: "SEND-00010", name: "Alan Turing" },
  ];

  it("chooses the exact reference typed, in any case, among those that contain it", () => {
    expect(settledChoice(rows, " send-0001 ")?.id).toBe("1");
    expect(withReference(rows, "SEND-000")).toBeUndefined();
  });

  it("chooses the only row found, and none of several", () => {
    expect(settledChoice(rows.slice(1), "Turing")?.id).toBe("2");
    expect(settledChoice(rows, "SEND")).toBeUndefined();
    expect(settledChoice([], "SEND")).toBeUndefined();
  });
});
