import { type ApiUser, isAllowed, userSchema } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { isCurrent, NAV_ITEMS, navFor } from "./navigation";

const ROLES = userSchema.shape.role.options;

const shows = (role: ApiUser["role"], href: string) =>
  navFor(role).some((item) => item.href === href);

const item = (href: string) => NAV_ITEMS.find((i) => i.href === href) ?? NAV_ITEMS[0]!;

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

  it("shows the trips in partnership plans to the roles that may read budgets", () => {
    for (const role of ROLES) {
      expect([role, shows(role, "/partnership-plans")]).toEqual([
        role,
        isAllowed(role, "budgets", "read"),
      ]);
    }
  });

  it("shows the crew rota to the roles that may crew vehicles and read the day's runs", () => {
    for (const role of ROLES) {
      expect([role, shows(role, "/crew")]).toEqual([
        role,
        isAllowed(role, "staff", "write") && isAllowed(role, "plans", "read"),
      ]);
    }
  });

  it("shows the booking desk to the roles that may book trips into the day's plan", () => {
    for (const role of ROLES) {
      expect([role, shows(role, "/booking")]).toEqual([
        role,
        isAllowed(role, "trip-requests", "write") && isAllowed(role, "plans", "read"),
      ]);
    }
    expect(item("/booking").text).toBe("Booking desk");
  });

  it("marks the section the page is in, and no section whose name only starts the path", () => {
    expect(isCurrent(item("/partnership-plans"), "/partnership-plans")).toBe(true);
    expect(isCurrent(item("/partnership"), "/partnership-plans")).toBe(false);
    expect(isCurrent(item("/partnership"), "/partnership")).toBe(true);
    expect(isCurrent(item("/planning"), "/planning/plans/1234")).toBe(true);
    expect(isCurrent(item("/register/passengers"), "/register/places")).toBe(true);
    expect(isCurrent(item("/register/passengers"), "/import")).toBe(false);
  });
});
