import { randomBytes } from "node:crypto";
import type { Repositories } from "@tt/app";
import {
  type AgreementInput,
  DEFAULT_MIXING_POLICY,
  type Role,
  SHARING_PURPOSES_VERSION,
} from "@tt/domain";
import type { DemoOrganisationKey } from "./scenario-types";

/** The demo's joint commissioning body (the seeds' Transport for Cambridgeshire). */
export const DEMO_PARTNERSHIP = {
  name: "Transport for Cambridgeshire",
  domain: "transportforcambridgeshire.demo",
  members: ["cambridgeshire", "peterborough", "icb", "consortium"],
  roles: ["admin", "commissioner", "finance", "auditor"],
} as const satisfies {
  name: string;
  domain: string;
  members: readonly DemoOrganisationKey[];
  roles: readonly Role[];
};

/** The partnership's users, as `seedDemo` stores them. */
export const DEMO_PARTNERSHIP_USERS = DEMO_PARTNERSHIP.roles.map((role) => ({
  email: `${role}@${DEMO_PARTNERSHIP.domain}`,
  displayName: `${role === "admin" ? "Administrator" : role[0]?.toUpperCase() + role.slice(1)}, ${DEMO_PARTNERSHIP.name}`,
  role,
}));

type DemoAgreement = Omit<AgreementInput, "providers" | "recipients" | "partnershipId"> & {
  readonly provider: DemoOrganisationKey;
  /** Which parties have approved: the draft waits for the others. */
  readonly approvedBy: "both" | "provider";
};

const TERM = { startDate: "2026-09-01", reviewDate: "2027-03-01", endDate: "2027-08-31" };

/**
 * The members' agreements with the partnership. Cambridgeshire and the ICB share their days for
 * analysis and integrated planning (the ICB's with its Caldicott guardian's approval, names fictional),
 * Peterborough for booking only, and the Fen Edge consortium's agreement is a draft awaiting the
 * partnership's approval.
 */
export const DEMO_AGREEMENTS: readonly DemoAgreement[] = [
  {
    reference: "TFC-DSA-001",
    title:
      "Cambridgeshire: pooled planning and analysis of home-to-school, SEND, adult and DRT journeys",
    provider: "cambridgeshire",
    purposes: ["analysis", "integrated-planning"],
    dataItems: ["trips", "home-location", "travel-needs"],
    lawfulBasis: { article6: "public-task" },
    ...TERM,
    approvedBy: "both",
  },
  {
    reference: "TFC-DSA-002",
    title: "ICB: pooled planning and analysis of non-emergency patient transport",
    provider: "icb",
    purposes: ["analysis", "integrated-planning"],
    dataItems: ["trips", "home-location", "travel-needs", "health-detail"],
    lawfulBasis: { article6: "public-task", article9: "health-or-social-care" },
    caldicottApproval: { guardianName: "Dr Morwenna Ashby", approvedOn: "2026-08-14" },
    ...TERM,
    approvedBy: "both",
  },
  {
    reference: "TFC-DSA-003",
    title: "Peterborough: one-stop booking for the city's passengers",
    provider: "peterborough",
    purposes: ["booking"],
    dataItems: ["identity", "trips", "travel-needs"],
    lawfulBasis: { article6: "public-task" },
    ...TERM,
    approvedBy: "both",
  },
  {
    reference: "TFC-DSA-004",
    title: "Fen Edge: analysis of the villages' demand-responsive service",
    provider: "consortium",
    purposes: ["analysis"],
    dataItems: ["trips", "home-location"],
    lawfulBasis: { article6: "public-task" },
    ...TERM,
    approvedBy: "provider",
  },
];

/**
 * Stores Transport for Cambridgeshire: its organisation and members, its users, and its
 * agreements with their approvals (each by the party's demo administrator).
 */
export async function seedPartnership(
  repos: Repositories,
  organisations: ReadonlyMap<DemoOrganisationKey, string>,
  users: { readonly passwordHashes: readonly string[] },
): Promise<{ id: string; agreements: number }> {
  const idOf = (key: DemoOrganisationKey) => {
    const id = organisations.get(key);
    if (!id) throw new Error(`demo partnership: organisation "${key}" was not stored`);
    return id;
  };
  const { id } = await repos.identity.createOrganisation({
    name: DEMO_PARTNERSHIP.name,
    kind: "partnership",
  });
  await repos.sharing.createPartnership(
    id,
    DEFAULT_MIXING_POLICY.version,
    DEMO_PARTNERSHIP.members.map(idOf),
  );
  let admin = "";
  for (const [i, user] of DEMO_PARTNERSHIP_USERS.entries()) {
    const passwordHash = users.passwordHashes[i] ?? "";
    const created = await repos.identity.createUser({ ...user, organisationId: id, passwordHash });
    if (user.role === "admin") admin = created.id;
  }
  for (const { provider, approvedBy, ...input } of DEMO_AGREEMENTS) {
    const providerId = idOf(provider);
    const providerUsers = await repos.identity.listUsers(providerId);
    const providerAdmin = providerUsers.find((u) => u.role === "admin")?.id ?? admin;
    const agreement = await repos.sharing.createAgreement({
      ...input,
      providers: [providerId],
      recipients: [id],
      partnershipId: id,
      organisationId: providerId,
      createdBy: providerAdmin,
      pseudonymKey: randomBytes(32).toString("base64url"),
      purposesVersion: SHARING_PURPOSES_VERSION,
    });
    const approvedAt = "2026-08-28T10:00:00.000Z";
    const approvals = [{ organisationId: providerId, userId: providerAdmin, approvedAt }];
    if (approvedBy === "both") approvals.push({ organisationId: id, userId: admin, approvedAt });
    const status = approvedBy === "both" ? "active" : "draft";
    await repos.sharing.updateAgreement(agreement.id, { status, approvals });
  }
  return { id, agreements: DEMO_AGREEMENTS.length };
}
