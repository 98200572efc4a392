import { AuthService, type Clock, SignInThrottledError } from "@tt/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { createSignInAttemptStore } from "./sign-in-attempt-store";
import { createUnitOfWork } from "./unit-of-work";

const PASSWORD = "correct horse battery staple";
const EMAIL = "owner@county.example";

/** A clock the test moves by hand, shared by both "processes". */
function manualClock() {
  let now = Date.parse("2026-03-02T09:00:00Z");
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

/** 200, 401 or 429 as the server would answer. */
async function statusOf(signingIn: Promise<unknown>): Promise<number> {
  try {
    await signingIn;
    return 200;
  } catch (error) {
    if (error instanceof SignInThrottledError) return 429;
    if (error instanceof Error && "code" in error && error.code === "unauthenticated") return 401;
    throw error;
  }
}

for (const driver of listTestDrivers()) {
  describe(`sign-in counters in the database (${driver.name})`, () => {
    let handle: DbHandle;
    const time = manualClock();
    /** Two server processes: each its own AuthService, one database. */
    let first: AuthService;
    let second: AuthService;

    beforeAll(async () => {
      handle = await driver.open();
      const service = () =>
        new AuthService(createUnitOfWork(handle.db), time.clock, {
          signInAttempts: createSignInAttemptStore(handle.db),
        });
      first = service();
      second = service();
      const org = await first.createOrganisation({ name: "County", kind: "council" });
      await first.createUser({
        organisationId: org.id,
        email: EMAIL,
        displayName: "Owner",
        role: "admin",
        password: PASSWORD,
      });
    });
    afterAll(async () => handle.close());

    it("counts failures seen by either process as one", async () => {
      const seen: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const auth = i % 2 ? first : second;
        seen.push(await statusOf(auth.signIn(EMAIL, "wrong", { address: `198.51.100.${i}` })));
      }
      expect(seen).toEqual([401, 401, 401, 401, 401]);
      expect(await statusOf(second.signIn(EMAIL, PASSWORD, { address: "198.51.100.9" }))).toBe(429);
      expect(await statusOf(first.signIn(EMAIL, PASSWORD, { address: "198.51.100.9" }))).toBe(429);
      time.advance(1_000);
      expect(await statusOf(first.signIn(EMAIL, PASSWORD, { address: "198.51.100.9" }))).toBe(200);
    });

    it("blocks an address for made-up emails on both processes, but lets a right password in", async () => {
      time.advance(60 * 60_000);
      const office = "203.0.113.7";
      for (let i = 1; i <= 20; i++) {
        const auth = i % 2 ? first : second;
        await statusOf(auth.signIn(`made-up-${i}@county.example`, "wrong", { address: office }));
      }
      expect(await statusOf(first.signIn("x@county.example", "wrong", { address: office }))).toBe(
        429,
      );
      expect(await statusOf(second.signIn("y@county.example", "wrong", { address: office }))).toBe(
        429,
      );
      expect(await statusOf(second.signIn(EMAIL, PASSWORD, { address: office }))).toBe(200);
    });

    it("lets the owner in from a familiar address while strangers keep the account waiting", async () => {
      time.advance(60 * 60_000);
      const home = "192.0.2.10";
      expect(await statusOf(first.signIn(EMAIL, PASSWORD, { address: home }))).toBe(200);
      for (let i = 1; i <= 12; i++) {
        await statusOf(second.signIn(EMAIL, "wrong", { address: `198.51.100.${i}` }));
      }
      expect(await statusOf(first.signIn(EMAIL, PASSWORD, { address: "198.51.100.99" }))).toBe(429);
      expect(await statusOf(second.signIn(EMAIL, PASSWORD, { address: home }))).toBe(200);
    });
  });
}
