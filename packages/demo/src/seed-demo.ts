import type { Organisation, Repositories, UnitOfWork } from "@tt/app";
import { hashPassword } from "@tt/app";
import {
  listLapsedChecks,
  type Operator,
  type OrganisationKind,
  type Staff,
  type TripRequestInput,
  type Vehicle,
} from "@tt/domain";
import { siloFunders } from "./analysis/scenario-fleet";
import { DEMO_WEEK } from "./calendar";
import { demoGrants } from "./contracts";
import { seedOperatingAgreements } from "./operating-agreements";
import { buildOrganisations, DEMO_FINANCIAL_YEAR, organisationOf } from "./organisations";
import { DEMO_PARTNERSHIP, DEMO_PARTNERSHIP_USERS, seedPartnership } from "./partnership";
import type {
  DemoOrganisation,
  DemoOrganisationKey,
  DemoScenario,
  DemoTrip,
  DemoTripEnd,
} from "./scenario-types";
import { seedDelegation } from "./seed-delegation";
import { type StoredDemoIds, seedGrants } from "./seed-grants";

/** Counts stored for one demo organisation. */
export interface DemoOrganisationSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly users: number;
  /** The organisation's demo accounts. */
  readonly emails: string[];
  readonly funders: number;
  readonly places: number;
  readonly vehicles: number;
  readonly staff: number;
  readonly passengers: number;
  readonly tripRequests: number;
}

export interface DemoSummary {
  readonly seed: number;
  readonly password: string;
  /** One account per line, e.g. "commissioner@cambridgeshire.demo". */
  readonly emails: string[];
  readonly organisations: DemoOrganisationSummary[];
}

/** The account whose presence means the demo is loaded. */
export const DEMO_MARKER_EMAIL = "admin@cambridgeshire.demo";

const PURPOSE = "demo: load the synthetic Cambridgeshire & Peterborough scenario";

/** The demo's organisations, if the demo is loaded. */
export async function findDemo(
  unitOfWork: UnitOfWork,
): Promise<{ organisations: Organisation[] } | undefined> {
  const identity = unitOfWork.repositories.identity;
  if (!(await identity.findUserByEmail(DEMO_MARKER_EMAIL))) return undefined;
  const names = new Set(buildOrganisations().map((o) => o.name));
  const organisations = (await identity.listOrganisations()).filter((o) => names.has(o.name));
  return { organisations };
}

/**
 * Stores a scenario in one transaction: every organisation, user and row, or none of them.
 * Passwords are hashed first (scrypt, in parallel), outside the transaction.
 */
export async function seedDemo(
  unitOfWork: UnitOfWork,
  scenario: DemoScenario,
  options: { log(message: string): void },
): Promise<DemoSummary> {
  const hashes = await Promise.all(
    scenario.organisations.flatMap((o) => o.users.map(() => hashPassword(scenario.password))),
  );
  const partnershipHashes = await Promise.all(
    DEMO_PARTNERSHIP_USERS.map(() => hashPassword(scenario.password)),
  );
  const organisations = await unitOfWork.transaction(async (repos) => {
    const summaries: DemoOrganisationSummary[] = [];
    const stored = new Map<DemoOrganisationKey, StoredDemoIds>();
    for (const organisation of scenario.organisations) {
      const userHashes = hashes.splice(0, organisation.users.length);
      const seeded = await seedOrganisation(repos, organisation, userHashes);
      summaries.push(seeded.summary);
      stored.set(organisation.key, seeded.ids);
      options.log(`  ${organisation.name}: stored`);
    }
    const grants = await seedGrants(repos, demoGrants(scenario.organisations), stored);
    options.log(`  ${grants} availability grants: operators' vehicles to the councils and the ICB`);
    const ids = new Map([...stored].map(([key, s]) => [key, s.organisationId] as const));
    const partnership = await seedPartnership(repos, ids, { passwordHashes: partnershipHashes });
    options.log(`  ${DEMO_PARTNERSHIP.name}: stored, with ${partnership.agreements} agreements`);
    summaries.push(partnershipSummary(partnership.id));
    const consortium = organisationOf(scenario.organisations, "consortium");
    await seedDelegation(
      repos,
      {
        council: stored.get("cambridgeshire")?.organisationId ?? "",
        consortium: ids.get("consortium") ?? "",
      },
      consortium,
    );
    options.log(`  ${consortium.name}: its budget and area delegated by Cambridgeshire`);
    const operating = await seedOperatingAgreements(repos, ids);
    options.log(
      `  ${operating} agreement for operating runs: Cambridgeshire's runs on Ribbonway's taxis`,
    );
    return summaries;
  });
  return {
    seed: scenario.seed,
    password: scenario.password,
    emails: [
      ...scenario.organisations.flatMap((o) => o.users.map((u) => u.email)),
      ...DEMO_PARTNERSHIP_USERS.map((u) => u.email),
    ],
    organisations,
  };
}

/** The partnership as the summary lists it: users, no register of its own. */
function partnershipSummary(id: string): DemoOrganisationSummary {
  return {
    id,
    name: DEMO_PARTNERSHIP.name,
    kind: "partnership",
    users: DEMO_PARTNERSHIP_USERS.length,
    emails: DEMO_PARTNERSHIP_USERS.map((u) => u.email),
    funders: 0,
    places: 0,
    vehicles: 0,
    staff: 0,
    passengers: 0,
    tripRequests: 0,
  };
}

async function seedOrganisation(
  repos: Repositories,
  demo: DemoOrganisation,
  passwordHashes: readonly string[],
): Promise<{ summary: DemoOrganisationSummary; ids: StoredDemoIds }> {
  const { id: orgId } = await repos.identity.createOrganisation({
    name: demo.name,
    kind: demo.kind,
  });
  const funders = await seedFunding(repos, orgId, demo);
  const supply = await seedSupply(repos, orgId, demo, funders);
  await seedUsers(repos, orgId, demo, { passwordHashes, ...supply });
  const staff = supply.staff.map((s) => s.id);
  const calendars = await repos.termCalendars.createMany(
    orgId,
    demo.termCalendars.map((c) => c.input),
  );
  const places = await repos.places.createMany(orgId, demo.places);
  const passengers = await repos.passengers.createMany(
    orgId,
    demo.passengers.map((p) => p.input),
  );
  const trips = await createTrips(repos, orgId, demo.trips, {
    passengers: new Map(passengers.map((p) => [p.reference, p.id])),
    places: new Map(places.map((p) => [p.reference, p.id])),
    funders,
    calendars: keyed(demo.termCalendars, calendars),
  });
  await auditImport(repos, orgId, {
    passengers: passengers.map((p) => p.id),
    staff,
    "trip-requests": trips,
  });
  const summary: DemoOrganisationSummary = {
    id: orgId,
    name: demo.name,
    kind: demo.kind,
    users: demo.users.length,
    emails: demo.users.map((u) => u.email),
    funders: funders.size,
    places: places.length,
    vehicles: supply.vehicles.length,
    staff: staff.length,
    passengers: passengers.length,
    tripRequests: trips.length,
  };
  const ids: StoredDemoIds = {
    organisationId: orgId,
    funders,
    operators: keyed(demo.operators, supply.operators),
    vehicles: new Map(supply.vehicles.map((v) => [v.reference, v.id])),
  };
  return { summary, ids };
}

/**
 * The organisation's users. The driver signs in as the organisation's first driver who may work
 * all the demo week (their staff record), the fleet manager for its first operator record: each
 * sees only their own runs.
 */
async function seedUsers(
  repos: Repositories,
  orgId: string,
  demo: DemoOrganisation,
  links: {
    passwordHashes: readonly string[];
    staff: readonly Staff[];
    operators: readonly Operator[];
  },
): Promise<void> {
  // A driver whose DBS check and licence hold all the demo week, so they can be crewed in it.
  const drivers = links.staff.filter((s) => s.role === "driver");
  const driver =
    drivers.find((s) => DEMO_WEEK.every((day) => listLapsedChecks(s, day).length === 0)) ??
    drivers[0];
  const operator = links.operators[0];
  for (const [i, user] of demo.users.entries()) {
    const passwordHash = links.passwordHashes[i] ?? "";
    const link =
      user.role === "driver" && driver
        ? { staffId: driver.id }
        : user.role === "operator" && operator
          ? { operatorId: operator.id }
          : {};
    await repos.identity.createUser({ ...user, organisationId: orgId, passwordHash, ...link });
  }
}

/** Funders and their 2026/27 budgets; returns the funders' ids by key. */
async function seedFunding(
  repos: Repositories,
  orgId: string,
  demo: DemoOrganisation,
): Promise<Map<string, string>> {
  const funders = await repos.funders.createMany(
    orgId,
    demo.funders.map((f) => f.input),
  );
  const ids = keyed(demo.funders, funders);
  await repos.budgets.createMany(
    orgId,
    demo.funders.map((f) => ({
      funderId: lookup(ids, f.key),
      financialYear: DEMO_FINANCIAL_YEAR,
      amountPence: f.budgetPence,
    })),
  );
  return ids;
}

/**
 * Operator records, vehicles and staff; returns what was stored. A council's entries for the
 * operator vehicles it contracts are not stored: the operator's register holds them, granted.
 * Cambridgeshire's in-house vehicles name the budget whose silo fleet they belong to, as the
 * integration demo allocates them (`DEMO_SILO_FLEETS`).
 */
async function seedSupply(
  repos: Repositories,
  orgId: string,
  demo: DemoOrganisation,
  funders: ReadonlyMap<string, string>,
): Promise<{ operators: Operator[]; staff: Staff[]; vehicles: Vehicle[] }> {
  const silo = demo.key === "cambridgeshire" ? siloFunders(demo.vehicles) : new Map();
  const operators = await repos.operators.createMany(
    orgId,
    demo.operators.map((o) => o.input),
  );
  const operatorIds = keyed(demo.operators, operators);
  const vehicles = await repos.vehicles.createMany(
    orgId,
    demo.vehicles
      .filter((v) => !v.contractedFrom)
      .map(({ operatorKey, contractedFrom: _held, ...v }) => {
        const funder: string | undefined = silo.get(v.reference);
        return {
          ...v,
          operatorId: lookup(operatorIds, operatorKey),
          funderIds: funder ? [lookup(funders, funder)] : [],
        };
      }),
  );
  const staff = await repos.staff.createMany(
    orgId,
    demo.staff.map(({ operatorKey, ...s }) => ({
      ...s,
      operatorId: lookup(operatorIds, operatorKey),
    })),
  );
  return { operators, staff, vehicles };
}

interface IdMaps {
  readonly passengers: ReadonlyMap<string, string>;
  readonly places: ReadonlyMap<string, string>;
  readonly funders: ReadonlyMap<string, string>;
  readonly calendars: ReadonlyMap<string, string>;
}

/** Outbound trips first, then the returns that point at them. Returns every id. */
async function createTrips(
  repos: Repositories,
  orgId: string,
  trips: readonly DemoTrip[],
  ids: IdMaps,
): Promise<string[]> {
  const outbound = trips.filter((t) => !t.returnOfReference);
  const returns = trips.filter((t) => t.returnOfReference);
  const created = await repos.tripRequests.createMany(
    orgId,
    outbound.map((t) => toTripInput(t, ids, undefined)),
  );
  const outboundIds = new Map(created.map((t) => [t.reference, t.id]));
  const createdReturns = await repos.tripRequests.createMany(
    orgId,
    returns.map((t) => toTripInput(t, ids, lookup(outboundIds, t.returnOfReference ?? ""))),
  );
  return [...created, ...createdReturns].map((t) => t.id);
}

function toTripInput(
  trip: DemoTrip,
  ids: IdMaps,
  returnOfId: string | undefined,
): TripRequestInput {
  const {
    service: _service,
    passengerReference,
    funderKey,
    returnOfReference: _ret,
    ...rest
  } = trip;
  const end = (e: DemoTripEnd) =>
    e.kind === "home"
      ? { kind: "home" as const }
      : { kind: "place" as const, placeId: lookup(ids.places, e.placeReference) };
  const r = trip.recurrence;
  return {
    ...rest,
    passengerId: lookup(ids.passengers, passengerReference),
    funderId: lookup(ids.funders, funderKey),
    origin: end(trip.origin),
    destination: end(trip.destination),
    recurrence:
      r.kind === "one-off"
        ? r
        : {
            kind: "recurring",
            weekdays: [...r.weekdays],
            from: r.from,
            to: r.to,
            ...(r.termCalendarKey
              ? { termCalendarId: lookup(ids.calendars, r.termCalendarKey) }
              : {}),
          },
    ...(returnOfId ? { returnOfId } : {}),
  };
}

/** Maps each item's key to the id of the row created from it (names are unique per organisation). */
function keyed(
  items: readonly { key: string; input: { name: string } }[],
  created: readonly { id: string; name: string }[],
): Map<string, string> {
  const byName = new Map(created.map((row) => [row.name, row.id]));
  return new Map(items.map((item) => [item.key, byName.get(item.input.name) ?? ""]));
}

function lookup(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo scenario: nothing stored for "${key}"`);
  return id;
}

/** Loading personal data is recorded in the audit log like any other import. */
async function auditImport(
  repos: Repositories,
  organisationId: string,
  created: Record<string, string[]>,
): Promise<void> {
  for (const [resource, resourceIds] of Object.entries(created)) {
    if (resourceIds.length === 0) continue;
    await repos.audit.append({
      organisationId,
      userId: null,
      action: "import",
      resource,
      resourceIds,
      purpose: PURPOSE,
      // Keys in jsonb order (shorter first), so the hash chain re-computes from the stored row.
      details: { count: resourceIds.length, synthetic: true },
    });
  }
}
