import type { Clock } from "@tt/app";
import type { Context } from "hono";

export interface ThrottleLimits {
  /** Failed attempts allowed per key within one window. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = { maxFailures: 10, windowMs: 15 * 60_000 };

/** Above this many keys, expired windows are swept before a new key is added. */
const SWEEP_ABOVE = 10_000;

interface Window {
  readonly startedAt: number;
  failures: number;
}

/**
 * Counts failed sign-ins per key (a client address, an email) in fixed windows, in memory. A key
 * with `maxFailures` failures in its window is refused until the window ends.
 */
export class SignInThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
  ) {}

  /** Seconds until every key may try again, or undefined when none is blocked. */
  retryAfterSeconds(keys: readonly string[]): number | undefined {
    const now = this.clock.now().getTime();
    let waitMs = 0;
    for (const key of keys) {
      const window = this.current(key, now);
      if (window && window.failures >= this.limits.maxFailures) {
        waitMs = Math.max(waitMs, window.startedAt + this.limits.windowMs - now);
      }
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.clock.now().getTime();
    for (const key of keys) {
      const window = this.current(key, now);
      if (window) window.failures += 1;
      else this.start(key, now);
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && now - window.startedAt < this.limits.windowMs) return window;
    if (window) this.windows.delete(key);
    return undefined;
  }

  private start(key: string, now: number): void {
    if (this.windows.size >= SWEEP_ABOVE) this.sweep(now);
    this.windows.set(key, { startedAt: now, failures: 1 });
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.limits.windowMs) this.windows.delete(key);
    }
  }
}

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * The client's address as the Node server saw the connection (never a forwarded header, which the
 * client could forge), or undefined when the request did not come through `@hono/node-server`.
 */
export function clientAddress(c: Context): string | undefined {
  const bindings = c.env as NodeBindings | undefined;
  return bindings?.incoming?.socket?.remoteAddress || undefined;
}

/** The throttle keys for a sign-in: the email always, the client address when known. */
export function signInKeys(email: string, address: string | undefined): string[] {
  const keys = [emailKey(email)];
  if (address) keys.push(`address:${address}`);
  return keys;
}

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}
