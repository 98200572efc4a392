import type { FunderKind, OperatorInput, OrganisationKind, Role } from "@tt/domain";
import type {
  DemoFunder,
  DemoOperator,
  DemoOrganisation,
  DemoOrganisationKey,
} from "./scenario-types";

/** The one password of every demo account: documented, at least 12 characters. */
export const DEMO_PASSWORD = "fenland-demo-2026";

/** The financial year of every demo budget. */
export const DEMO_FINANCIAL_YEAR = "2026/27";

interface OrganisationDefinition {
  readonly key: DemoOrganisationKey;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Users' emails are `<role>@<domain>`. */
  readonly domain: string;
  readonly roles: readonly Role[];
  readonly funders: readonly [key: string, kind: FunderKind, name: string, pounds: number][];
  readonly operators: readonly [key: string, input: OperatorInput][];
}

const ALL_ROLES: readonly Role[] = [
  "admin",
  "commissioner",
  "assessor",
  "booking-agent",
  "finance",
  "operator",
  "driver",
  "auditor",
];

/** Operator names are fictional; so are their licence numbers. */
const OPERATORS = {
  coaches: { name: "Wrenfield Coaches Ltd", kind: "coach", licenceNumber: "PF2046113" },
  taxis: { name: "Ribbonway Taxis Ltd", kind: "taxi", licenceNumber: "HDC-PH-0417" },
  nepts: {
    name: "Lanternwell Patient Transport Ltd",
    kind: "patient-transport",
    licenceNumber: "CQC-1-2093348871",
  },
  ct: {
    name: "Brookmere Community Transport",
    kind: "community-transport",
    licenceNumber: "S19-4471",
  },
  cars: { name: "Brookmere Volunteer Car Scheme", kind: "volunteer-car-scheme" },
} as const satisfies Record<string, OperatorInput>;

const withExpiry = (input: OperatorInput, licenceExpiry: string): OperatorInput => ({
  ...input,
  licenceExpiry,
});

/**
 * 2026/27 budgets (whole pounds here, pence when stored). Ballpark figures from the seeds:
 * Cambridgeshire spent £21.2m and Peterborough £4.5m on home-to-school transport in 2018/19,
 * SEND rising 10–16% a year; the rest are assumptions of the demo (data/README.md).
 */
const DEFINITIONS: readonly OrganisationDefinition[] = [
  {
    key: "cambridgeshire",
    name: "Cambridgeshire County Council",
    kind: "council",
    domain: "cambridgeshire.demo",
    roles: ALL_ROLES,
    funders: [
      ["ccc-hts", "home-to-school", "Cambridgeshire home-to-school transport", 21_000_000],
      ["ccc-send", "send", "Cambridgeshire SEND transport", 17_500_000],
      ["ccc-p16", "post-16", "Cambridgeshire post-16 transport", 2_400_000],
      ["ccc-asc", "adult-social-care", "Cambridgeshire adult social care transport", 4_200_000],
      ["ccc-pt", "public-transport", "Cambridgeshire supported bus and DRT", 3_000_000],
      ["ccc-ct", "community-transport-grant", "Cambridgeshire community transport grants", 450_000],
    ],
    operators: [
      [
        "ccc-fleet",
        { name: "Cambridgeshire County Council Passenger Transport Fleet", kind: "in-house" },
      ],
      ["coaches", withExpiry(OPERATORS.coaches, "2029-03-31")],
      ["taxis", withExpiry(OPERATORS.taxis, "2027-05-31")],
      ["ct", withExpiry(OPERATORS.ct, "2028-06-30")],
    ],
  },
  {
    key: "peterborough",
    name: "Peterborough City Council",
    kind: "council",
    domain: "peterborough.demo",
    roles: ALL_ROLES,
    funders: [
      ["pcc-hts", "home-to-school", "Peterborough home-to-school transport", 4_500_000],
      ["pcc-send", "send", "Peterborough SEND transport", 5_200_000],
      ["pcc-p16", "post-16", "Peterborough post-16 transport", 600_000],
      ["pcc-asc", "adult-social-care", "Peterborough adult social care transport", 1_600_000],
      ["pcc-pt", "public-transport", "Peterborough supported bus and DRT", 900_000],
      ["pcc-ct", "community-transport-grant", "Peterborough community transport grants", 120_000],
    ],
    operators: [
      [
        "pcc-fleet",
        { name: "Peterborough City Council Passenger Transport Fleet", kind: "in-house" },
      ],
      ["coaches", withExpiry(OPERATORS.coaches, "2029-03-31")],
      ["taxis", withExpiry(OPERATORS.taxis, "2027-05-31")],
    ],
  },
  {
    key: "icb",
    name: "NHS Cambridgeshire and Peterborough ICB",
    kind: "nhs-body",
    domain: "cpicb.demo",
    roles: ["admin", "commissioner", "assessor", "booking-agent", "finance", "auditor"],
    funders: [["icb-nepts", "nhs", "Non-emergency patient transport (NEPTS)", 9_500_000]],
    operators: [
      ["nepts", withExpiry(OPERATORS.nepts, "2028-09-30")],
      ["taxis", withExpiry(OPERATORS.taxis, "2027-05-31")],
      ["cars", OPERATORS.cars],
    ],
  },
  operatorOrganisation("coaches", "coaches", "wrenfield.demo", "2029-03-31"),
  operatorOrganisation("taxis", "taxis", "ribbonway.demo", "2027-05-31"),
  operatorOrganisation("patient-transport", "nepts", "lanternwell.demo", "2028-09-30"),
  {
    key: "community-transport",
    name: OPERATORS.ct.name,
    kind: "community-transport",
    domain: "brookmere-ct.demo",
    roles: ["admin", "booking-agent", "operator", "driver"],
    funders: [],
    operators: [
      ["ct", withExpiry(OPERATORS.ct, "2028-06-30")],
      ["cars", OPERATORS.cars],
    ],
  },
  {
    key: "consortium",
    name: "Fen Edge Villages Transport Consortium",
    kind: "local-consortium",
    domain: "fenedge.demo",
    roles: ["admin", "commissioner", "finance", "driver"],
    funders: [["fen-edge", "public-transport", "Fen Edge delegated area budget", 250_000]],
    operators: [["fen-edge-bus", { name: "Fen Edge Villager (micro-franchise)", kind: "bus" }]],
  },
];

function operatorOrganisation(
  key: DemoOrganisationKey,
  operatorKey: keyof typeof OPERATORS,
  domain: string,
  licenceExpiry: string,
): OrganisationDefinition {
  const input: OperatorInput = OPERATORS[operatorKey];
  return {
    key,
    name: input.name,
    kind: "operator",
    domain,
    roles: ["admin", "operator", "driver"],
    funders: [],
    operators: [[operatorKey, withExpiry(input, licenceExpiry)]],
  };
}

const ROLE_TITLES: Record<Role, string> = {
  admin: "Administrator",
  commissioner: "Transport commissioning officer",
  assessor: "Eligibility officer",
  "booking-agent": "Booking agent",
  finance: "Finance officer",
  operator: "Fleet manager",
  driver: "Driver",
  auditor: "Auditor",
};

/** The organisations with their users, funders and operator records; the rest is filled later. */
export function buildOrganisations(): DemoOrganisation[] {
  return DEFINITIONS.map((d) => ({
    key: d.key,
    name: d.name,
    kind: d.kind,
    users: d.roles.map((role) => ({
      email: `${role}@${d.domain}`,
      displayName: `${ROLE_TITLES[role]}, ${d.name}`,
      role,
    })),
    funders: d.funders.map(
      ([key, kind, name, pounds]): DemoFunder => ({
        key,
        input: { name, kind },
        budgetPence: pounds * 100,
      }),
    ),
    operators: d.operators.map(([key, input]): DemoOperator => ({ key, input })),
    termCalendars: [],
    places: [],
    vehicles: [],
    staff: [],
    passengers: [],
    trips: [],
  }));
}

/** The organisation with this key (the scenario always has all eight). */
export function organisationOf(
  organisations: readonly DemoOrganisation[],
  key: DemoOrganisationKey,
): DemoOrganisation {
  const found = organisations.find((o) => o.key === key);
  if (!found) throw new Error(`no demo organisation ${key}`);
  return found;
}
