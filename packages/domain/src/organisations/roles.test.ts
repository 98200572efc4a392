import { describe, expect, it } from "vitest";
import { isAllowed, RESOURCES, ROLES } from "./roles";

describe("role grants", () => {
  it("gives the admin every resource", () => {
    for (const resource of RESOURCES) expect(isAllowed("admin", resource, "write")).toBe(true);
  });

  it("keeps drivers and operators away from the passenger register", () => {
    for (const role of ["driver", "operator"] as const) {
      expect(isAllowed(role, "passengers", "read")).toBe(false);
    }
  });

  it("lets only admins and auditors read the audit log", () => {
    const readers = ROLES.filter((role) => isAllowed(role, "audit-log", "read"));
    expect(readers.sort()).toEqual(["admin", "auditor"]);
  });

  it("treats write as implying read but not the reverse", () => {
    expect(isAllowed("assessor", "places", "read")).toBe(true);
    expect(isAllowed("assessor", "places", "write")).toBe(false);
  });
});
