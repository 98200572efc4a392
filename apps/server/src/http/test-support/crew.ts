import type { Actor } from "@tt/app";
import { aStaffMember } from "@tt/testkit";
import { type Fixture, PASSWORD } from "./fixture";

let made = 0;

/**
 * A county driver user linked to a new staff record that crews `vehicleId` on `date`: the only
 * run they may read that day. Answers their API token.
 */
export async function crewedDriver(
  fixture: Fixture,
  vehicleId: string,
  date = "2026-09-03",
): Promise<string> {
  const { services, county } = fixture;
  const admin: Actor = {
    userId: county.users.admin.user.id,
    organisationId: county.id,
    role: "admin",
  };
  made += 1;
  const reference = `D-CREW-${made}`;
  const person = await services.register.create(admin, "staff", aStaffMember({ reference }));
  const user = await services.auth.createUser({
    organisationId: county.id,
    email: `${reference.toLowerCase()}@county.example`,
    displayName: `Driver ${reference}`,
    role: "driver",
    password: PASSWORD,
    staffId: person.id,
  });
  await services.crew.assign(admin, { serviceDate: date, vehicleId, staffIds: [person.id] });
  return (await services.auth.issueApiToken(user.id, "tests")).token;
}
