import type { Actor, AgreementService } from "@tt/app";
import type { DataItem, Role, SharingPurpose } from "@tt/domain";
import { type Fixture, PASSWORD } from "./fixture";

/** The fixture's trips travel on this day. */
export const DAY = "2026-09-03";

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export const adminOf = (org: {
  id: string;
  users: { admin: { user: { id: string } } };
}): Actor => ({
  userId: org.users.admin.user.id,
  organisationId: org.id,
  role: "admin",
});

export interface Scene {
  partnership: string;
  partnershipAdmin: Actor;
  commissioner: string;
  agreements: { county: string; city: string };
}

/** Agreed, approved by both parties and active: the member shares its day for the purpose. */
export async function activeAgreement(
  agreements: AgreementService,
  member: Actor,
  partnershipAdmin: Actor,
  reference: string,
  purpose: SharingPurpose = "analysis",
  dataItems: readonly DataItem[] = ["trips", "home-location", "travel-needs"],
): Promise<string> {
  const draft = await agreements.draft(member, {
    reference,
    title: `The day's journeys, for ${purpose}`,
    providers: [member.organisationId],
    recipients: [partnershipAdmin.organisationId],
    purposes: [purpose],
    dataItems: [...dataItems],
    lawfulBasis: { article6: "public-task" },
    startDate: isoDay(-30),
    reviewDate: isoDay(180),
    endDate: isoDay(365),
  });
  const id = draft.agreement.id;
  await agreements.approve(member, id);
  await agreements.approve(partnershipAdmin, id);
  await agreements.changeStatus(member, id, "active");
  return id;
}

/**
 * Transport for the County: a partnership of the fixture's two councils with an admin and a
 * commissioner, each council sharing its day with it for analysis under an active agreement.
 */
export async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county, city } = fixture;
  const created = await services.partnerships.create({
    name: "Transport for the County",
    members: [county.id, city.id],
  });
  const partnership = created.organisationId;
  const user = async (role: Role) =>
    services.auth.createUser({
      organisationId: partnership,
      email: `${role}@analysis-partnership.example`,
      displayName: role,
      role,
      password: PASSWORD,
    });
  const admin = await user("admin");
  const commissioner = await user("commissioner");
  const partnershipAdmin: Actor = { userId: admin.id, organisationId: partnership, role: "admin" };
  const { agreements } = services;
  return {
    partnership,
    partnershipAdmin,
    commissioner: (await services.auth.issueApiToken(commissioner.id, "tests")).token,
    agreements: {
      county: await activeAgreement(agreements, adminOf(county), partnershipAdmin, "DSA-AN-C"),
      city: await activeAgreement(agreements, adminOf(city), partnershipAdmin, "DSA-AN-P"),
    },
  };
}
