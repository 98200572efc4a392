import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { IdentityStore } from "@tt/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, migrationsFolder } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { createIdentityStore } from "./identity-store";

const NOW = new Date("2026-03-02T09:00:00Z");
const DAY_MS = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

for (const driver of listTestDrivers()) {
  describe(`identity store: sessions and API tokens (${driver.name})`, () => {
    let handle: DbHandle;
    let identity: IdentityStore;
    let userId: string;
    let otherId: string;

    beforeAll(async () => {
      handle = await driver.open();
      identity = createIdentityStore(handle.db);
      const org = await identity.createOrganisation({ name: "County", kind: "council" });
      const user = (email: string) =>
        identity.createUser({
          organisationId: org.id,
          email,
          displayName: email,
          role: "admin",
          passwordHash: "scrypt$unused",
        });
      userId = (await user("one@county.example")).id;
      otherId = (await user("two@county.example")).id;
    });
    afterAll(async () => handle.close());

    it("finds a token's user until it expires, recording when it was used", async () => {
      await identity.createApiToken(userId, "expiring", "hash-expiring", later(DAY_MS));
      expect(await identity.findApiTokenUser("hash-expiring", later(DAY_MS - 1))).toMatchObject({
        id: userId,
      });
      expect(await identity.findApiTokenUser("hash-expiring", later(DAY_MS))).toBeUndefined();
      const listed = (await identity.listApiTokens(userId)).find((t) => t.name === "expiring");
      expect(listed?.lastUsedAt).toEqual(later(DAY_MS - 1));
      expect(listed?.expiresAt).toEqual(later(DAY_MS));
    });

    it("records a token's use to the minute", async () => {
      await identity.createApiToken(userId, "busy", "hash-busy", later(DAY_MS));
      const lastUsed = async () =>
        (await identity.listApiTokens(userId)).find((t) => t.name === "busy")?.lastUsedAt;
      expect(await lastUsed()).toBeNull();
      await identity.findApiTokenUser("hash-busy", later(1_000));
      await identity.findApiTokenUser("hash-busy", later(60_000));
      expect(await lastUsed()).toEqual(later(1_000));
      await identity.findApiTokenUser("hash-busy", later(61_000));
      expect(await lastUsed()).toEqual(later(61_000));
    });

    it("lists only the user's own tokens, without hashes, and revokes only its own", async () => {
      const mine = await identity.createApiToken(userId, "mine", "hash-mine", later(DAY_MS));
      const theirs = await identity.createApiToken(otherId, "theirs", "hash-theirs", later(DAY_MS));
      const listed = await identity.listApiTokens(userId);
      expect(listed.map((t) => t.name)).toContain("mine");
      expect(listed.map((t) => t.name)).not.toContain("theirs");
      expect(Object.keys(listed[0]!).sort()).toEqual(
        ["createdAt", "expiresAt", "id", "lastUsedAt", "name", "revoked"].sort(),
      );
      expect(await identity.revokeApiToken(userId, theirs.id)).toBe(false);
      expect(await identity.revokeApiToken(userId, "not-a-uuid")).toBe(false);
      expect(await identity.findApiTokenUser("hash-theirs", NOW)).toMatchObject({ id: otherId });
      expect(await identity.revokeApiToken(userId, mine.id)).toBe(true);
      expect(await identity.findApiTokenUser("hash-mine", NOW)).toBeUndefined();
      const revoked = (await identity.listApiTokens(userId)).find((t) => t.id === mine.id);
      expect(revoked?.revoked).toBe(true);
    });

    it("purges only the sessions that have expired", async () => {
      await identity.createSession(userId, "session-old", later(-1));
      await identity.createSession(userId, "session-now", NOW);
      await identity.createSession(userId, "session-live", later(DAY_MS));
      expect(await identity.purgeExpiredSessions(NOW)).toBe(2);
      expect(await identity.findSessionUser("session-live", NOW)).toMatchObject({ id: userId });
      expect(await identity.purgeExpiredSessions(NOW)).toBe(0);
    });
  });
}

/** The committed migrations, statement by statement, as drizzle would apply them. */
function migrationStatements(tag: string): string[] {
  const text = readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8");
  return text.split("--> statement-breakpoint").filter((s) => s.trim());
}

describe("the api-token-expiry migration", () => {
  it("gives tokens that already exist 90 days, and leaves no default behind", async () => {
    const client = await PGlite.create();
    try {
      for (const tag of ["0000_initial", "0001_plans-detail", "0002_entitlement-decisions"]) {
        for (const statement of migrationStatements(tag)) await client.exec(statement);
      }
      await client.exec(`
        insert into organisations (id, name, kind) values ('00000000-0000-4000-8000-000000000001', 'County', 'council');
        insert into users (id, organisation_id, email, display_name, role, password_hash)
          values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'a@b.example', 'A', 'admin', 'x');
        insert into api_tokens (user_id, name, token_hash) values ('00000000-0000-4000-8000-000000000002', 'old', 'h');
      `);
      for (const statement of migrationStatements("0003_api-token-expiry")) {
        await client.exec(statement);
      }
      const { rows } = await client.query<{ days: number }>(
        "select extract(epoch from expires_at - now()) / 86400 as days from api_tokens",
      );
      expect(Number(rows[0]?.days)).toBeCloseTo(90, 1);
      const column = await client.query<{ column_default: string | null; is_nullable: string }>(
        "select column_default, is_nullable from information_schema.columns where table_name = 'api_tokens' and column_name = 'expires_at'",
      );
      expect(column.rows[0]).toEqual({ column_default: null, is_nullable: "NO" });
    } finally {
      await client.close();
    }
  });
});
