import type { ApiUser } from "@tt/contract";

type Role = ApiUser["role"];

export interface NavItem {
  readonly href: string;
  readonly text: string;
  /** Roles that see this item (they have the grant the page needs). */
  readonly roles: readonly Role[];
}

/** The app's sections, each shown only to the roles whose work it is (the API checks again). */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: "/register/passengers",
    text: "Register",
    roles: ["admin", "commissioner", "assessor", "booking-agent"],
  },
  { href: "/register/vehicles", text: "Vehicles", roles: ["operator"] },
  { href: "/import", text: "Import", roles: ["admin", "commissioner", "booking-agent"] },
  {
    href: "/planning",
    text: "Planning",
    roles: ["admin", "commissioner", "booking-agent", "finance", "operator", "driver"],
  },
  {
    href: "/booking",
    text: "Booking desk",
    roles: ["admin", "commissioner", "booking-agent"],
  },
  {
    href: "/status-board",
    text: "Status board",
    roles: ["admin", "commissioner", "booking-agent", "operator"],
  },
  { href: "/crew", text: "Crew rota", roles: ["admin", "commissioner", "operator"] },
  { href: "/driver", text: "Your runs", roles: ["driver", "operator"] },
  { href: "/occupancy", text: "Taps and occupancy", roles: ["admin", "commissioner"] },
  {
    href: "/journeys",
    text: "Completed journeys",
    roles: ["admin", "commissioner", "booking-agent", "finance"],
  },
  { href: "/entitlement", text: "Entitlement", roles: ["admin", "commissioner", "assessor"] },
  { href: "/integration", text: "Integration", roles: ["admin", "commissioner"] },
  {
    href: "/partnership",
    text: "Agreements",
    roles: ["admin", "commissioner", "finance", "auditor"],
  },
  {
    href: "/partnership-plans",
    text: "Partnership plans",
    roles: ["admin", "commissioner", "finance"],
  },
  {
    href: "/compliance",
    text: "Compliance",
    roles: ["admin", "commissioner", "operator", "finance", "auditor"],
  },
  {
    href: "/dps",
    text: "Purchasing system",
    roles: ["admin", "commissioner", "operator", "finance", "auditor"],
  },
  {
    href: "/contracts",
    text: "Contracts",
    roles: ["admin", "commissioner", "operator", "finance", "auditor"],
  },
  {
    href: "/competitions",
    text: "Competitions",
    roles: ["admin", "commissioner", "operator", "finance", "auditor"],
  },
  {
    href: "/community-transport",
    text: "Community transport",
    roles: ["admin", "commissioner", "operator", "driver", "finance", "auditor"],
  },
  {
    href: "/delegations",
    text: "Consortium budgets",
    roles: ["admin", "commissioner", "finance", "auditor"],
  },
  { href: "/access-log", text: "Access log", roles: ["admin", "auditor"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** True when the item is the section the path is in ("/partnership-plans" is not "/partnership"). */
export function isCurrent(item: NavItem, path: string): boolean {
  const section = item.href.split("/")[1] ?? "";
  return path === item.href || (section !== "" && path.startsWith(`/${section}/`));
}

const ROLE_NAMES: Record<Role, string> = {
  admin: "Administrator",
  commissioner: "Transport commissioner",
  assessor: "Eligibility assessor",
  "booking-agent": "Booking agent",
  finance: "Finance officer",
  operator: "Operator",
  driver: "Driver",
  auditor: "Auditor",
};

export const roleName = (role: Role) => ROLE_NAMES[role];
