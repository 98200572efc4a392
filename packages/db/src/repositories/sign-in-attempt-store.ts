import type { FailureCount, SignInAttemptStore } from "@tt/app";
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { signInFailures, signInKnownAddresses } from "../schema";

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * The sign-in counters in the database, shared by every server process: one upsert per failure,
 * so processes counting at once never lose a failure.
 */
export function createSignInAttemptStore(db: Db): SignInAttemptStore {
  return {
    async findFailures(keys, since) {
      if (keys.length === 0) return new Map();
      const rows = await db
        .select()
        .from(signInFailures)
        .where(
          and(inArray(signInFailures.key, [...keys]), gt(signInFailures.windowStartedAt, since)),
        );
      return new Map<string, FailureCount>(rows.map((row) => [row.key, row]));
    },

    async recordFailure(keys, now, since) {
      const expired = sql`${signInFailures.windowStartedAt} <= ${at(since)}`;
      await db
        .insert(signInFailures)
        .values(
          [...new Set(keys)].map((key) => ({
            key,
            failures: 1,
            windowStartedAt: now,
            lastFailureAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: signInFailures.key,
          set: {
            failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
            windowStartedAt: sql`CASE WHEN ${expired} THEN ${at(now)} ELSE ${signInFailures.windowStartedAt} END`,
            lastFailureAt: now,
          },
        });
      await db.delete(signInFailures).where(lte(signInFailures.windowStartedAt, since));
    },

    async clearFailures(keys) {
      if (keys.length === 0) return;
      await db.delete(signInFailures).where(inArray(signInFailures.key, [...keys]));
    },

    async isFamiliar(userId, addressKey, since) {
      const rows = await db
        .select({ userId: signInKnownAddresses.userId })
        .from(signInKnownAddresses)
        .where(
          and(
            eq(signInKnownAddresses.userId, userId),
            eq(signInKnownAddresses.addressHash, addressKey),
            gt(signInKnownAddresses.lastSignedInAt, since),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    async rememberAddress(userId, addressKey, now) {
      await db
        .insert(signInKnownAddresses)
        .values({ userId, addressHash: addressKey, lastSignedInAt: now })
        .onConflictDoUpdate({
          target: [signInKnownAddresses.userId, signInKnownAddresses.addressHash],
          set: { lastSignedInAt: now },
        });
    },
  };
}
