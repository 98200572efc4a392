import { type ApiUser, isAllowed, userSchema } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { navFor } from "./navigation";

const ROLES = userSchema.shape.role.options;

const shows = (role: ApiUser["role"], href: string) =>
  navFor(role).some((item) => item.href === href);

describe("the menu", () => {
  it("shows the agreements to the roles that may read them, the access log to those with the audit log", () => {
    for (const role of ROLES) {
      expect([role, shows(role, "/partnership")]).toEqual([
        role,
        isAllowed(role, "agreements", "read"),
      ]);
      expect([role, shows(role, "/access-log")]).toEqual([
        role,
        isAllowed(role, "audit-log", "read"),
      ]);
    }
  });
});
