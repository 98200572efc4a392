/** Roles a user holds inside their organisation (product.md, "Who uses it"). */
export const ROLES = [
  "admin",
  "commissioner",
  "assessor",
  "booking-agent",
  "finance",
  "operator",
  "driver",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** Everything a role can be granted access to. */
export const RESOURCES = [
  "organisation",
  "users",
  "funders",
  "budgets",
  "passengers",
  "places",
  "trip-requests",
  "vehicles",
  "operators",
  "staff",
  "term-calendars",
  "plans",
  "audit-log",
  "entitlements",
  "agreements",
  /** Subject access exports (read) and erasure (write): the data protection officer's work. */
  "subject-rights",
  /** What drivers and assistants mark at stops, and the day's status board built from it. */
  "run-events",
  /** Operators' licences, permits, insurance and MOTs, with their expiry dates. */
  "compliance",
  /** Applications to buyers' dynamic purchasing systems, and the buyers' decisions. */
  "dps",
  /** Contracts between buyers and operators: prices, vehicles, runs, dates. */
  "contracts",
  /** An operator's hand-back of a contract it holds. */
  "hand-backs",
  /** An operator's sealed bids in the competitions it is invited to. */
  "bids",
  /** Budgets and areas a council delegates to local consortia, and what they have committed. */
  "delegations",
  /** Trips offered to community transport groups, their answers, disputes and reconciliation. */
  "commissions",
  /** A community transport group's answer to the trips offered to it: accept or decline. */
  "commission-answers",
  /** Journeys a community transport group's drivers record against commissions. */
  "completions",
] as const;
export type Resource = (typeof RESOURCES)[number];

export type Access = "read" | "write";

const R = "read" as const;
const W = "write" as const;

/**
 * Least privilege: each role reaches only what its job needs. `write` implies `read`.
 * Drivers and operators never see the passenger register; they see plans (manifests).
 */
const GRANTS: Record<Role, Partial<Record<Resource, Access>>> = {
  admin: Object.fromEntries(RESOURCES.map((r) => [r, W])),
  commissioner: {
    organisation: R,
    funders: W,
    budgets: R,
    passengers: W,
    places: W,
    "trip-requests": W,
    vehicles: W,
    operators: W,
    staff: W,
    "term-calendars": W,
    plans: W,
    entitlements: W,
    agreements: W,
    "run-events": W,
    compliance: W,
    dps: W,
    contracts: W,
    delegations: W,
    commissions: W,
  },
  assessor: {
    organisation: R,
    funders: R,
    passengers: W,
    places: R,
    "trip-requests": W,
    entitlements: W,
  },
  "booking-agent": {
    organisation: R,
    funders: R,
    passengers: W,
    places: W,
    "trip-requests": W,
    vehicles: R,
    "term-calendars": R,
    plans: R,
    "run-events": R,
  },
  finance: {
    organisation: R,
    funders: W,
    budgets: W,
    plans: R,
    operators: R,
    agreements: R,
    "run-events": R,
    compliance: R,
    dps: R,
    contracts: R,
    delegations: R,
    commissions: R,
  },
  operator: {
    organisation: R,
    vehicles: W,
    staff: W,
    places: R,
    plans: R,
    "run-events": W,
    compliance: W,
    dps: W,
    contracts: R,
    "hand-backs": W,
    bids: W,
    commissions: R,
    "commission-answers": W,
    completions: W,
  },
  driver: {
    organisation: R,
    places: R,
    plans: R,
    "run-events": W,
    commissions: R,
    completions: W,
  },
  auditor: {
    organisation: R,
    users: R,
    "audit-log": R,
    agreements: R,
    "subject-rights": R,
    compliance: R,
    dps: R,
    contracts: R,
    delegations: R,
    commissions: R,
  },
};

/** True when `role` may perform `access` on `resource`. */
export function isAllowed(role: Role, resource: Resource, access: Access): boolean {
  const granted = GRANTS[role][resource];
  if (!granted) return false;
  return access === "read" || granted === "write";
}

/** Resources whose rows hold personal data: every read or write is audited. */
export const PERSONAL_DATA_RESOURCES: readonly Resource[] = ["passengers", "staff"];
