import type { PassengerInput } from "@tt/domain";
import { Random } from "@tt/domain";
import { aPassenger, aPlace, aVehicle } from "@tt/testkit";

/**
 * Seeds an organisation through the HTTP API, as its administrator would (an API token):
 * passengers by CSV import and, when asked, a funder, schools, vehicles and one-off trips on a
 * date to plan.
 */
export interface FreezeSeed {
  /** Reference prefix of the passengers, e.g. `BIG` → `BIG-000000`. */
  readonly prefix: string;
  readonly passengers: number;
  /** One-off trips on `date` (home to school), for the first passengers; 0 for none. */
  readonly trips?: number;
  readonly vehicles?: number;
  readonly date?: string;
}

const SCHOOLS = 20;
/** Around Cambridge: homes within about 15 km. */
const CENTRE = { lat: 52.2, lon: 0.12 };
const PASSENGER_HEADER = "reference,given_name,family_name,home_lat,home_lon";
const TRIP_HEADER =
  "reference,passenger_reference,funder,purpose,origin,destination,timing,time,window_minutes,date";
const FUNDER = "Home to School Transport";

function near(random: Random, spread: number) {
  const lat = CENTRE.lat + (random.next() - 0.5) * spread;
  const lon = CENTRE.lon + (random.next() - 0.5) * spread * 1.6;
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

/** The `index`-th passenger with this prefix (reference `prefix-000123`). */
export function freezePassenger(random: Random, prefix: string, index: number): PassengerInput {
  const home = near(random, 0.25);
  return aPassenger({
    reference: `${prefix}-${String(index).padStart(6, "0")}`,
    givenName: `Given${index}`,
    familyName: `Family${index}`,
    homeLat: home.lat,
    homeLon: home.lon,
  });
}

/** A passengers CSV file of `count` passengers, references `prefix-000000` onwards. */
export function passengerCsv(count: number, prefix: string, seed = 2): string {
  const random = new Random(seed);
  const lines = [PASSENGER_HEADER];
  for (let i = 0; i < count; i += 1) {
    const p = freezePassenger(random, prefix, i);
    lines.push(`${p.reference},${p.givenName},${p.familyName},${p.homeLat},${p.homeLon}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Answers the response, or throws naming the request and what the server said. */
async function send(base: string, token: string, method: string, path: string, body?: string) {
  const csv = path.endsWith("/import");
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": csv ? "text/csv" : "application/json" }),
    },
    ...(body === undefined ? {} : { body }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

export async function seedOrganisation(base: string, token: string, seed: FreezeSeed) {
  await send(
    base,
    token,
    "POST",
    "/api/passengers/import",
    passengerCsv(seed.passengers, seed.prefix, 1),
  );
  if (!seed.trips || !seed.date) return;
  const random = new Random(3);
  await send(
    base,
    token,
    "POST",
    "/api/funders",
    JSON.stringify({ name: FUNDER, kind: "home-to-school" }),
  );
  for (let i = 0; i < SCHOOLS; i += 1) {
    const at = near(random, 0.2);
    const school = aPlace({ reference: `S-${i}`, name: `School ${i}`, lat: at.lat, lon: at.lon });
    await send(base, token, "POST", "/api/places", JSON.stringify(school));
  }
  for (let i = 0; i < (seed.vehicles ?? 40); i += 1) {
    const at = near(random, 0.1);
    const vehicle = aVehicle({ reference: `V-${i}`, depotLat: at.lat, depotLon: at.lon });
    await send(base, token, "POST", "/api/vehicles", JSON.stringify(vehicle));
  }
  const trips = [TRIP_HEADER];
  for (let i = 0; i < seed.trips; i += 1) {
    const passenger = `${seed.prefix}-${String(i).padStart(6, "0")}`;
    trips.push(
      `T-${i},${passenger},${FUNDER},school,home,S-${i % SCHOOLS},arrive-by,08:45,30,${seed.date}`,
    );
  }
  await send(base, token, "POST", "/api/trip-requests/import", `${trips.join("\n")}\n`);
}

/** Signs in with email and password and issues an API token for the rest. */
export async function apiToken(base: string, email: string, password: string): Promise<string> {
  const signIn = await fetch(new URL("/api/session", base), {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-with": "freeze" },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) throw new Error(`sign-in as ${email}: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const issued = await fetch(new URL("/api/tokens", base), {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-with": "freeze", cookie },
    body: JSON.stringify({ name: "freeze benchmark" }),
  });
  if (!issued.ok) throw new Error(`token for ${email}: ${issued.status} ${await issued.text()}`);
  return ((await issued.json()) as { token: string }).token;
}
