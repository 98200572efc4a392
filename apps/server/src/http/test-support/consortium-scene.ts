import type { Actor } from "@tt/app";
import type { Role } from "@tt/domain";
import { aVehicle } from "@tt/testkit";
import { type Fixture, PASSWORD } from "./fixture";
import { SEED_ORDER, validInputs } from "./inputs";

type Json = Record<string, unknown>;

/** A GeoJSON box, west to east and south to north. */
export const box = (west: number, south: number, east: number, north: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

/** Around the fixture's trip: the passenger's home (Cambridge) and Netherhall School. */
export const AROUND_CAMBRIDGE = box(0.1, 52.15, 0.2, 52.22);
/** Around Swavesey and Over: the fixture's trip lies outside it. */
export const FEN_EDGE_VILLAGES = box(-0.1, 52.25, 0.0, 52.35);

export interface Party {
  readonly id: string;
  readonly tokens: Partial<Record<Role, string>>;
  readonly actor: Actor;
}

/** An organisation of `kind` with a user of each role, the first role's actor returned. */
export async function party(
  fixture: Fixture,
  name: string,
  kind: "local-consortium" | "operator",
  roles: readonly Role[],
): Promise<Party> {
  const { services } = fixture;
  const org = await services.auth.createOrganisation({ name, kind });
  const slug = name.toLowerCase().replace(/\W+/g, "-");
  const tokens: Partial<Record<Role, string>> = {};
  let actor: Actor | undefined;
  for (const role of roles) {
    const user = await services.auth.createUser({
      organisationId: org.id,
      email: `${role}@${slug}.example`,
      displayName: `${name} ${role}`,
      role,
      password: PASSWORD,
    });
    tokens[role] = (await services.auth.issueApiToken(user.id, "tests")).token;
    actor ??= { userId: user.id, organisationId: org.id, role };
  }
  return { id: org.id, tokens, actor: actor! };
}

/** The consortium's own register (a passenger, a school, a trip on the fixture's day) and plan. */
export async function consortiumPlan(fixture: Fixture, consortium: Party, day: string) {
  const { services, call } = fixture;
  const rows: Record<string, string> = {};
  for (const kind of SEED_ORDER) {
    const links = { funderId: rows.funders, passengerId: rows.passengers, placeId: rows.places };
    const made = await services.register.create(
      consortium.actor,
      kind,
      validInputs(links, "fe")[kind],
    );
    rows[kind] = made.id;
  }
  const token = consortium.tokens.admin ?? "";
  const started = await call("POST", "/api/plans", { token, json: { date: day, iterations: 50 } });
  const jobId = String(((await started.json()) as Json).jobId);
  await services.planning.settled(jobId);
  const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
  const planId = String((job.result as Json).planId);
  const lots = (await (
    await call("GET", `/api/plans/${planId}/lots?rule=school`, { token })
  ).json()) as Json;
  const runs = ((lots.lots as Json[])[0]?.runs ?? []) as Json[];
  const run = runs[0] ?? {};
  const clock = (m: unknown) => {
    const minutes = Math.round(Number(m));
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  };
  const label = `${String(run.vehicleReference)} ${clock(run.start)}–${clock(run.end)}`;
  return { planId, label };
}

/** An operator with a minibus, admitted to the buyer's DPS for minibuses. */
export async function admittedOperator(fixture: Fixture, buyer: Party, name: string) {
  const operator = await party(fixture, name, "operator", ["operator"]);
  const vehicle = await fixture.services.register.create(
    operator.actor,
    "vehicles",
    aVehicle({ reference: `${name.slice(0, 2).toUpperCase()}-01`, depotLat: 52.2, depotLon: 0.12 }),
  );
  const applied = await fixture.call("POST", "/api/dps/applications", {
    token: operator.tokens.operator ?? "",
    json: { buyerId: buyer.id, categories: ["minibus"] },
  });
  const application = (await applied.json()) as Json;
  await fixture.call("POST", `/api/dps/applications/${String(application.id)}/decision`, {
    token: buyer.tokens.admin ?? "",
    json: { status: "admitted" },
  });
  return { ...operator, vehicleId: vehicle.id };
}
