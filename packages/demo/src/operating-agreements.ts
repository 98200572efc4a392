import { randomBytes } from "node:crypto";
import type { Repositories } from "@tt/app";
import { type AgreementInput, SHARING_PURPOSES_VERSION } from "@tt/domain";
import type { DemoOrganisationKey } from "./scenario-types";

type OperatingAgreement = Omit<AgreementInput, "providers" | "recipients" | "partnershipId"> & {
  readonly provider: DemoOrganisationKey;
  readonly recipient: DemoOrganisationKey;
};

/**
 * Cambridgeshire lets Ribbonway's crews run its runs on the taxis Ribbonway grants it: first
 * names, pick-up addresses, the needs on the road and the trips, for operating runs only.
 */
export const DEMO_OPERATING_AGREEMENTS: readonly OperatingAgreement[] = [
  {
    reference: "CCC-OPS-001",
    title: "Cambridgeshire: manifests for Ribbonway's crews on the council's contracted taxis",
    provider: "cambridgeshire",
    recipient: "taxis",
    purposes: ["operating-runs"],
    dataItems: ["identity", "home-location", "travel-needs", "trips"],
    lawfulBasis: { article6: "public-task" },
    startDate: "2026-09-01",
    reviewDate: "2027-03-01",
    endDate: "2027-08-31",
  },
];

/** Stores the operating agreements, active and approved by each party's demo administrator. */
export async function seedOperatingAgreements(
  repos: Repositories,
  organisations: ReadonlyMap<DemoOrganisationKey, string>,
): Promise<number> {
  for (const { provider, recipient, ...input } of DEMO_OPERATING_AGREEMENTS) {
    const [from, to] = [organisations.get(provider), organisations.get(recipient)];
    if (!from || !to) throw new Error(`demo agreement ${input.reference}: a party was not stored`);
    const [fromAdmin, toAdmin] = await Promise.all([adminOf(repos, from), adminOf(repos, to)]);
    const agreement = await repos.sharing.createAgreement({
      ...input,
      providers: [from],
      recipients: [to],
      organisationId: from,
      createdBy: fromAdmin,
      pseudonymKey: randomBytes(32).toString("base64url"),
      purposesVersion: SHARING_PURPOSES_VERSION,
    });
    const approvedAt = "2026-08-28T10:00:00.000Z";
    const approvals = [
      { organisationId: from, userId: fromAdmin, approvedAt },
      { organisationId: to, userId: toAdmin, approvedAt },
    ];
    await repos.sharing.updateAgreement(agreement.id, { status: "active", approvals });
  }
  return DEMO_OPERATING_AGREEMENTS.length;
}

async function adminOf(repos: Repositories, organisationId: string): Promise<string> {
  const admin = (await repos.identity.listUsers(organisationId)).find((u) => u.role === "admin");
  if (!admin) throw new Error(`demo organisation ${organisationId} has no administrator`);
  return admin.id;
}
