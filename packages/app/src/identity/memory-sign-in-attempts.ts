import type { FailureCount, SignInAttemptStore } from "./sign-in-throttle";

/**
 * Sign-in counters in this process's memory: for one-process tools (the CLI) and tests. Servers
 * use the database's store, which every process shares.
 */
export function createMemorySignInAttemptStore(): SignInAttemptStore {
  const failures = new Map<string, FailureCount>();
  const familiar = new Map<string, Date>();
  return {
    async findFailures(keys, since) {
      const found = new Map<string, FailureCount>();
      for (const key of keys) {
        const count = failures.get(key);
        if (count && count.windowStartedAt > since) found.set(key, count);
      }
      return found;
    },
    async recordFailure(keys, now, since) {
      for (const [key, count] of failures) if (count.windowStartedAt <= since) failures.delete(key);
      for (const key of keys) {
        const count = failures.get(key);
        failures.set(key, {
          failures: (count?.failures ?? 0) + 1,
          windowStartedAt: count?.windowStartedAt ?? now,
          lastFailureAt: now,
        });
      }
    },
    async clearFailures(keys) {
      for (const key of keys) failures.delete(key);
    },
    async isFamiliar(userId, addressKey, since) {
      const last = familiar.get(`${userId} ${addressKey}`);
      return last !== undefined && last > since;
    },
    async rememberAddress(userId, addressKey, now) {
      familiar.set(`${userId} ${addressKey}`, now);
    },
  };
}
