import type { SharingStore, StoredPartnership } from "@tt/app";
import type { Agreement, OrganisationKind } from "@tt/domain";
import { and, arrayContains, asc, eq, or } from "drizzle-orm";
import type { Db } from "../create-db";
import { organisations, partnershipMembers, partnerships, sharingAgreements } from "../schema";
import { translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type AgreementRow = typeof sharingAgreements.$inferSelect;

function toAgreement(row: AgreementRow): Agreement {
  return Object.assign(
    {
      id: row.id,
      organisationId: row.organisationId,
      reference: row.reference,
      title: row.title,
      providers: row.providers,
      recipients: row.recipients,
      purposes: row.purposes,
      dataItems: row.dataItems,
      lawfulBasis: row.lawfulBasis,
      startDate: row.startDate,
      reviewDate: row.reviewDate,
      endDate: row.endDate,
      status: row.status,
      purposesVersion: row.purposesVersion,
      approvals: row.approvals,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    row.partnershipId ? { partnershipId: row.partnershipId } : {},
    row.caldicottApproval ? { caldicottApproval: row.caldicottApproval } : {},
  );
}

/** A party is a provider or a recipient. */
const partyIs = (partyId: string) =>
  or(
    arrayContains(sharingAgreements.providers, [partyId]),
    arrayContains(sharingAgreements.recipients, [partyId]),
  );

async function readPartnership(db: Db, organisationId: string) {
  const [row] = await db
    .select({ name: organisations.name, mixingPolicy: partnerships.mixingPolicy })
    .from(partnerships)
    .innerJoin(organisations, eq(organisations.id, partnerships.organisationId))
    .where(eq(partnerships.organisationId, organisationId));
  if (!row) return undefined;
  const members = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.memberId))
    .where(eq(partnershipMembers.partnershipId, organisationId))
    .orderBy(asc(organisations.name));
  const partnership: StoredPartnership = {
    organisationId,
    name: row.name,
    mixingPolicy: row.mixingPolicy,
    members: members.map((m) => ({ ...m, kind: m.kind as OrganisationKind })),
  };
  return partnership;
}

/** Partnerships, their members and data-sharing agreements. */
export function createSharingStore(db: Db): SharingStore {
  return {
    async createPartnership(organisationId, mixingPolicy, memberIds) {
      try {
        await db.insert(partnerships).values({ organisationId, mixingPolicy });
        const members = memberIds.map((memberId) => ({ partnershipId: organisationId, memberId }));
        await db.insert(partnershipMembers).values(members);
      } catch (error) {
        return translatePgError(error, "partnership");
      }
      const stored = await readPartnership(db, organisationId);
      if (!stored) throw new Error("the partnership just stored cannot be read back");
      return stored;
    },
    async findPartnership(organisationId) {
      if (!isUuid(organisationId)) return undefined;
      return readPartnership(db, organisationId);
    },
    async listMemberships(memberId) {
      if (!isUuid(memberId)) return [];
      const rows = await db
        .select({ id: partnershipMembers.partnershipId })
        .from(partnershipMembers)
        .where(eq(partnershipMembers.memberId, memberId));
      const found = await Promise.all(rows.map((row) => readPartnership(db, row.id)));
      return found
        .filter((p): p is StoredPartnership => p !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async createAgreement(agreement) {
      try {
        const [row] = await db
          .insert(sharingAgreements)
          .values({ ...agreement, status: "draft", approvals: [] })
          .returning();
        return toAgreement(row!);
      } catch (error) {
        return translatePgError(error, "data-sharing agreement");
      }
    },
    async findAgreement(partyId, id, options) {
      if (!isUuid(id) || !isUuid(partyId)) return undefined;
      const query = db
        .select()
        .from(sharingAgreements)
        .where(and(eq(sharingAgreements.id, id), partyIs(partyId)));
      const [row] = options?.lock ? await query.for("update") : await query;
      return row ? toAgreement(row) : undefined;
    },
    async listAgreements(partyId) {
      if (!isUuid(partyId)) return [];
      const rows = await db
        .select()
        .from(sharingAgreements)
        .where(partyIs(partyId))
        .orderBy(asc(sharingAgreements.reference));
      return rows.map(toAgreement);
    },
    async updateAgreement(id, change) {
      const [row] = await db
        .update(sharingAgreements)
        .set({ status: change.status, approvals: [...change.approvals], updatedAt: new Date() })
        .where(eq(sharingAgreements.id, id))
        .returning();
      if (!row) throw new Error(`agreement ${id} vanished while it was being changed`);
      return toAgreement(row);
    },
    async listActiveBetween(provider, recipient) {
      if (!isUuid(provider) || !isUuid(recipient)) return [];
      const t = sharingAgreements;
      const rows = await db
        .select()
        .from(t)
        .where(
          and(
            eq(t.status, "active"),
            arrayContains(t.providers, [provider]),
            arrayContains(t.recipients, [recipient]),
          ),
        )
        .orderBy(asc(t.reference));
      return rows.map(toAgreement);
    },
    async findPseudonymKey(id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select({ key: sharingAgreements.pseudonymKey })
        .from(sharingAgreements)
        .where(eq(sharingAgreements.id, id));
      return row?.key;
    },
  };
}
