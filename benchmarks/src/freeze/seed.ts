import type { PassengerInput } from "@tt/domain";
import { Random } from "@tt/domain";
import type { ServerServices } from "@tt/server";
import { aPassenger, aPlace, aTripRequest, aVehicle } from "@tt/testkit";

/** An organisation of the freeze benchmark and test, and an API token of its administrator. */
export interface FreezeOrganisation {
  readonly id: string;
  readonly name: string;
  readonly token: string;
}

export interface FreezeSeed {
  readonly name: string;
  readonly passengers: number;
  /** One-off trips on `date` (home to school), for the first passengers; 0 for none. */
  readonly trips?: number;
  readonly vehicles?: number;
  readonly date?: string;
  readonly seed?: number;
}

const BATCH = 2000;
const SCHOOLS = 20;
/** Around Cambridge: homes within about 15 km. */
const CENTRE = { lat: 52.2, lon: 0.12 };

function near(random: Random, spread: number) {
  return {
    lat: CENTRE.lat + (random.next() - 0.5) * spread,
    lon: CENTRE.lon + (random.next() - 0.5) * spread * 1.6,
  };
}

/** The `index`-th passenger of an organisation (reference `prefix-000123`). */
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

/**
 * An organisation with an administrator (and API token), `passengers` passengers and, when asked,
 * schools, vehicles and one-off trips on a date to plan. Written through the repositories.
 */
export async function seedFreezeOrganisation(
  services: ServerServices,
  seed: FreezeSeed,
): Promise<FreezeOrganisation> {
  const org = await services.auth.createOrganisation({ name: seed.name, kind: "council" });
  const slug = seed.name.toLowerCase().replace(/\W+/g, "-");
  const admin = await services.auth.createUser({
    organisationId: org.id,
    email: `admin@${slug}.example`,
    displayName: `${seed.name} admin`,
    role: "admin",
    password: "correct horse battery staple",
  });
  const { token } = await services.auth.issueApiToken(admin.id, "freeze benchmark");
  const repos = services.unitOfWork.repositories;
  const random = new Random(seed.seed ?? 1);
  const passengerIds: string[] = [];
  for (let start = 0; start < seed.passengers; start += BATCH) {
    const count = Math.min(BATCH, seed.passengers - start);
    const inputs = Array.from({ length: count }, (_, i) =>
      freezePassenger(random, slug.toUpperCase(), start + i),
    );
    const created = await repos.passengers.createMany(org.id, inputs);
    if (passengerIds.length < (seed.trips ?? 0)) passengerIds.push(...created.map((p) => p.id));
  }
  if (seed.trips && seed.date) await seedDay(services, org.id, passengerIds, seed, random);
  return { id: org.id, name: seed.name, token };
}

async function seedDay(
  services: ServerServices,
  organisationId: string,
  passengerIds: readonly string[],
  seed: FreezeSeed,
  random: Random,
): Promise<void> {
  const repos = services.unitOfWork.repositories;
  const funder = await repos.funders.create(organisationId, {
    name: "Home to School Transport",
    kind: "home-to-school",
  });
  const schools = await repos.places.createMany(
    organisationId,
    Array.from({ length: SCHOOLS }, (_, i) =>
      aPlace({ reference: `S-${i}`, name: `School ${i}`, ...near(random, 0.2) }),
    ),
  );
  await repos.vehicles.createMany(
    organisationId,
    Array.from({ length: seed.vehicles ?? 40 }, (_, i) =>
      aVehicle({ reference: `V-${i}`, ...depot(random) }),
    ),
  );
  const trips = passengerIds.slice(0, seed.trips).map((passengerId, i) => {
    const school = schools[i % schools.length];
    return aTripRequest(
      { passengerId, funderId: funder.id, placeId: school?.id ?? "" },
      {
        reference: `T-${i}`,
        time: "08:45",
        windowMinutes: 30,
        recurrence: { kind: "one-off", date: seed.date ?? "" },
      },
    );
  });
  await repos.tripRequests.createMany(organisationId, trips);
}

function depot(random: Random) {
  const point = near(random, 0.1);
  return { depotLat: point.lat, depotLon: point.lon };
}
