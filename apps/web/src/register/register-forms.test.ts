import { userSchema } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { canWrite, savedMessage } from "./register-forms";

/** Every role, from the contract's own user schema. */
const ROLES = userSchema.shape.role.options;

describe("who may add and edit register rows", () => {
  it("follows the server's grants: demand for planners and booking staff, vehicles for operators", () => {
    const writers = (key: Parameters<typeof canWrite>[1]) =>
      ROLES.filter((role) => canWrite(role, key));
    expect(writers("passengers")).toEqual(["admin", "commissioner", "assessor", "booking-agent"]);
    expect(writers("trip-requests")).toEqual([
      "admin",
      "commissioner",
      "assessor",
      "booking-agent",
    ]);
    expect(writers("places")).toEqual(["admin", "commissioner", "booking-agent"]);
    expect(writers("vehicles")).toEqual(["admin", "commissioner", "operator"]);
  });

  it("says what was saved", () => {
    expect(savedMessage("passenger", false)).toBe("Passenger added");
    expect(savedMessage("trip request", true)).toBe("Trip request updated");
  });
});
