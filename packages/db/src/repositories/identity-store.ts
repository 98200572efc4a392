import type { IdentityStore, Organisation, User } from "@tt/app";
import type { OrganisationKind, Role } from "@tt/domain";
import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../create-db";
import { apiTokens, organisations, sessions, users } from "../schema";
import { translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type UserRow = typeof users.$inferSelect;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    organisationId: row.organisationId,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    disabled: row.disabled,
    ...(row.staffId ? { staffId: row.staffId } : {}),
    ...(row.operatorId ? { operatorId: row.operatorId } : {}),
  };
}

function toOrganisation(row: typeof organisations.$inferSelect): Organisation {
  return { id: row.id, name: row.name, kind: row.kind as OrganisationKind };
}

/** What an owner may see of a token: never the hash. */
const tokenSummaryColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revoked: apiTokens.revoked,
};

/**
 * A token's last use is recorded to the minute: a script calling the API many times a second
 * writes once a minute, not once per request (each write is a round trip every request waits for).
 */
const LAST_USED_RESOLUTION_MS = 60_000;

export function createIdentityStore(db: Db): IdentityStore {
  return {
    async createOrganisation(input) {
      const [row] = await db.insert(organisations).values(input).returning();
      return toOrganisation(row!);
    },
    async findOrganisation(id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? toOrganisation(row) : undefined;
    },
    async listOrganisations() {
      const rows = await db.select().from(organisations).orderBy(asc(organisations.name));
      return rows.map(toOrganisation);
    },
    async createUser(user) {
      try {
        const [row] = await db
          .insert(users)
          .values({ ...user, email: user.email.toLowerCase() })
          .returning();
        return toUser(row!);
      } catch (error) {
        return translatePgError(error, "user");
      }
    },
    async findUserByEmail(email) {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row ? { ...toUser(row), passwordHash: row.passwordHash } : undefined;
    },
    async findUser(id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUser(row) : undefined;
    },
    async listUsers(organisationId) {
      const rows = await db
        .select()
        .from(users)
        .where(eq(users.organisationId, organisationId))
        .orderBy(asc(users.email));
      return rows.map(toUser);
    },
    async createSession(userId, tokenHash, expiresAt) {
      await db.insert(sessions).values({ userId, tokenHash, expiresAt });
    },
    async findSessionUser(tokenHash, now) {
      const [row] = await db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row ? toUser(row.user) : undefined;
    },
    async deleteSession(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async purgeExpiredSessions(now) {
      const rows = await db
        .delete(sessions)
        .where(lte(sessions.expiresAt, now))
        .returning({ id: sessions.id });
      return rows.length;
    },
    async createApiToken(userId, name, tokenHash, expiresAt) {
      const [row] = await db
        .insert(apiTokens)
        .values({ userId, name, tokenHash, expiresAt })
        .returning({ id: apiTokens.id });
      return { id: row!.id };
    },
    async findApiTokenUser(tokenHash, now) {
      const [row] = await db
        .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          and(
            eq(apiTokens.tokenHash, tokenHash),
            eq(apiTokens.revoked, false),
            gt(apiTokens.expiresAt, now),
          ),
        );
      if (!row) return undefined;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
      return toUser(row.user);
    },
    async listApiTokens(userId) {
      return db
        .select(tokenSummaryColumns)
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt), asc(apiTokens.id));
    },
    async revokeApiToken(userId, tokenId) {
      if (!isUuid(tokenId)) return false;
      const rows = await db
        .update(apiTokens)
        .set({ revoked: true })
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },
  };
}
