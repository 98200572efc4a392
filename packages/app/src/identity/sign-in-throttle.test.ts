import { describe, expect, it } from "vitest";
import { createMemorySignInAttemptStore } from "./memory-sign-in-attempts";
import {
  SIGN_IN_RULES,
  type SignInAttempt,
  SignInThrottle,
  SignInThrottledError,
} from "./sign-in-throttle";

const OWNER = { email: "owner@county.example", userId: "user-1" } as const;

/** A throttle on a clock the test moves, and one sign-in attempt through it. */
function setUp() {
  let now = Date.parse("2026-03-02T09:00:00Z");
  const throttle = new SignInThrottle(createMemorySignInAttemptStore(), SIGN_IN_RULES);
  /** 200, 401 or 429 (with its Retry-After) as the server would answer. */
  async function attempt(who: SignInAttempt, rightPassword: boolean) {
    try {
      const keys = await throttle.check(who, new Date(now));
      if (rightPassword) {
        await throttle.succeed(keys, new Date(now));
        return { status: 200 };
      }
      await throttle.fail(keys, new Date(now));
      return { status: 401 };
    } catch (error) {
      if (!(error instanceof SignInThrottledError)) throw error;
      return { status: 429, retryAfter: error.retryAfterSeconds };
    }
  }
  return { attempt, advance: (ms: number) => (now += ms) };
}

describe("sign-in rules", () => {
  it("after 20 failures from an address, wrong or unknown accounts get 429 there, a right password still signs in", async () => {
    const { attempt } = setUp();
    const office = "203.0.113.7";
    for (let i = 1; i <= 20; i++) {
      const made = await attempt({ email: `made-up-${i}@county.example`, address: office }, false);
      expect(made.status).toBe(401);
    }
    expect(await attempt({ email: "made-up-21@county.example", address: office }, false)).toEqual({
      status: 429,
      retryAfter: 900,
    });
    expect((await attempt({ ...OWNER, address: office }, false)).status).toBe(429);
    expect((await attempt({ ...OWNER, address: office }, true)).status).toBe(200);
    expect(
      (await attempt({ email: "x@county.example", address: "203.0.113.8" }, false)).status,
    ).toBe(401);
  });

  it("slows an account after 5 failures with a wait that doubles to at most 8 s, then lets it try", async () => {
    const { attempt, advance } = setUp();
    for (let i = 1; i <= 5; i++) {
      expect((await attempt({ ...OWNER, address: `198.51.100.${i}` }, false)).status).toBe(401);
    }
    expect(await attempt({ ...OWNER, address: "198.51.100.50" }, true)).toEqual({
      status: 429,
      retryAfter: 1,
    });
    const waits: number[] = [];
    for (let i = 6; i <= 10; i++) {
      advance(8_000);
      expect((await attempt({ ...OWNER, address: `198.51.100.${i}` }, false)).status).toBe(401);
      const refused = await attempt({ ...OWNER, address: "198.51.100.50" }, true);
      waits.push(refused.retryAfter ?? 0);
    }
    expect(waits).toEqual([2, 4, 8, 8, 8]);
    advance(8_000);
    expect((await attempt({ ...OWNER, address: "198.51.100.50" }, true)).status).toBe(200);
  });

  it("never keeps the owner out from an address they have signed in from, whatever strangers do", async () => {
    const { attempt, advance } = setUp();
    const home = "192.0.2.10";
    expect((await attempt({ ...OWNER, address: home }, true)).status).toBe(200);
    for (let i = 1; i <= 30; i++) {
      await attempt({ ...OWNER, address: `198.51.100.${i}` }, false);
      advance(100);
    }
    expect((await attempt({ ...OWNER, address: "198.51.100.99" }, true)).status).toBe(429);
    expect((await attempt({ ...OWNER, address: home }, true)).status).toBe(200);
  });

  it("counts unknown emails exactly like real ones, so answers do not reveal accounts", async () => {
    const { attempt } = setUp();
    const statuses = async (who: SignInAttempt) => {
      const seen: number[] = [];
      for (let i = 0; i < 7; i++) seen.push((await attempt(who, false)).status);
      return seen;
    };
    const real = await statuses({ ...OWNER, address: "192.0.2.1" });
    const unknown = await statuses({ email: "nobody@county.example", address: "192.0.2.2" });
    expect(unknown).toEqual(real);
    expect(real).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("forgets failures after the 15-minute window", async () => {
    const { attempt, advance } = setUp();
    for (let i = 0; i < 5; i++) await attempt(OWNER, false);
    expect((await attempt(OWNER, true)).status).toBe(429);
    advance(SIGN_IN_RULES.windowMs);
    expect((await attempt(OWNER, false)).status).toBe(401);
  });
});
