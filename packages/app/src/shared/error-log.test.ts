import { describe, expect, it } from "vitest";
import { loggedError } from "./error-log";

describe("an error as the log may show it", () => {
  it("keeps its type, code and frames, never a message quoting a query's parameters", () => {
    const cause = Object.assign(new Error('date/time field value out of range: "0000-01-01"'), {
      code: "22008",
    });
    const error = new Error("Failed query: select … params: Ann,Lee,0000-01-01", { cause });
    const logged = loggedError(error);
    expect(logged).toMatchObject({ type: "Error", cause: { type: "Error", code: "22008" } });
    expect(logged.frames.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    for (const secret of ["Ann", "Lee", "0000-01-01", "params"]) expect(text).not.toContain(secret);
  });
});
