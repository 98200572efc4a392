import type { Clock } from "@tt/app";
import { describe, expect, it } from "vitest";
import { emailKey, SignInThrottle, signInKeys } from "./sign-in-throttle";

function manualClock() {
  let now = Date.parse("2026-03-02T09:00:00Z");
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

describe("SignInThrottle", () => {
  const limits = { maxFailures: 3, windowMs: 60_000 };

  it("blocks a key after its failures until the window ends", () => {
    const time = manualClock();
    const throttle = new SignInThrottle(time.clock, limits);
    const keys = signInKeys(" Agent@County.example ", "192.0.2.1");
    expect(keys).toEqual(["email:agent@county.example", "address:192.0.2.1"]);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds(keys)).toBeUndefined();
      throttle.recordFailure(keys);
    }
    expect(throttle.retryAfterSeconds(keys)).toBe(60);
    expect(throttle.retryAfterSeconds(["address:192.0.2.1"])).toBe(60);
    expect(throttle.retryAfterSeconds(["address:192.0.2.2"])).toBeUndefined();
    time.advance(59_500);
    expect(throttle.retryAfterSeconds(keys)).toBe(1);
    time.advance(500);
    expect(throttle.retryAfterSeconds(keys)).toBeUndefined();
  });

  it("forgets a key when it is reset", () => {
    const throttle = new SignInThrottle(manualClock().clock, limits);
    const keys = signInKeys("agent@county.example", undefined);
    for (let i = 0; i < 3; i++) throttle.recordFailure(keys);
    throttle.reset(emailKey("AGENT@county.example"));
    expect(throttle.retryAfterSeconds(keys)).toBeUndefined();
  });
});
