import type { Repositories } from "@tt/app";
import { aPassenger, aPlace, aTripRequest, aVehicle } from "@tt/testkit";

/**
 * A council with one admin, one funder, one place, one minibus and two pupils travelling on
 * `date` (trips T-1 and T-2), as the command-line tests plan and book on it.
 */
export async function seedSmallDay(
  repos: Repositories,
  council: { name: string; adminEmail: string },
  date: string,
): Promise<{ organisationId: string; funderId: string; placeId: string }> {
  const org = await repos.identity.createOrganisation({ name: council.name, kind: "council" });
  await repos.identity.createUser({
    organisationId: org.id,
    email: council.adminEmail,
    displayName: "Admin",
    role: "admin",
    passwordHash: "not-used",
  });
  const funder = await repos.funders.create(org.id, { name: "School", kind: "home-to-school" });
  const place = await repos.places.create(org.id, aPlace());
  await repos.vehicles.create(org.id, aVehicle());
  for (const n of [1, 2]) {
    const p = await repos.passengers.create(
      org.id,
      aPassenger({ reference: `P-${n}`, homeLat: 52.18 + n * 0.01 }),
    );
    await repos.tripRequests.create(
      org.id,
      aTripRequest(
        { passengerId: p.id, funderId: funder.id, placeId: place.id },
        { reference: `T-${n}`, recurrence: { kind: "one-off", date } },
      ),
    );
  }
  return { organisationId: org.id, funderId: funder.id, placeId: place.id };
}
