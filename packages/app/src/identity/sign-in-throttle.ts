import { AppError } from "../shared";
import { hashSecret } from "./secrets";

/**
 * The sign-in rules (the package README explains them). Counters are per key in fixed windows:
 * one per client address, and two per account — attempts from addresses the account has signed
 * in from before ("familiar") and from anywhere else — so strangers cannot lock out the owner.
 */
export interface SignInRules {
  readonly windowMs: number;
  /** Failures from one address before it gets 429 for every attempt that is not proven right. */
  readonly addressMaxFailures: number;
  /** Failures per account bucket before each further attempt must wait. */
  readonly accountFreeFailures: number;
  /** The first wait; it doubles with every further failure, up to `accountMaxDelayMs`. */
  readonly accountBaseDelayMs: number;
  readonly accountMaxDelayMs: number;
  /** How long a successful sign-in keeps its address familiar to the account. */
  readonly familiarForMs: number;
}

export const SIGN_IN_RULES: SignInRules = {
  windowMs: 15 * 60_000,
  addressMaxFailures: 20,
  accountFreeFailures: 5,
  accountBaseDelayMs: 1_000,
  accountMaxDelayMs: 8_000,
  familiarForMs: 90 * 86_400_000,
};

export interface FailureCount {
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lastFailureAt: Date;
}

/** Where the counters live: in the database, so that every server process shares them. */
export interface SignInAttemptStore {
  /** The counts of the keys whose window started after `since`. */
  findFailures(keys: readonly string[], since: Date): Promise<Map<string, FailureCount>>;
  /** One more failure per key; a key whose window started at or before `since` starts anew. */
  recordFailure(keys: readonly string[], now: Date, since: Date): Promise<void>;
  clearFailures(keys: readonly string[]): Promise<void>;
  /** True when the user signed in from the address (its key) after `since`. */
  isFamiliar(userId: string, addressKey: string, since: Date): Promise<boolean>;
  rememberAddress(userId: string, addressKey: string, now: Date): Promise<void>;
}

/** A refused sign-in attempt (429), with the seconds to wait. */
export class SignInThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("too-many-requests", "Too many failed sign-ins. Try again later.");
  }
}

export interface SignInAttempt {
  readonly email: string;
  /** The client address as the HTTP layer believes it, when known. */
  readonly address?: string;
  /** The account's user, when the email has one. */
  readonly userId?: string;
}

interface Keys {
  readonly account: string;
  readonly address?: string;
  readonly addressFailures: number;
  readonly userId?: string;
}

const accountKey = (email: string, bucket: "familiar" | "unfamiliar") =>
  hashSecret(`account:${email.trim().toLowerCase()}:${bucket}`);
const addressKey = (address: string) => hashSecret(`address:${address}`);
const waitSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Applies the sign-in rules over a store of counters. */
export class SignInThrottle {
  constructor(
    private readonly store: SignInAttemptStore,
    private readonly rules: SignInRules = SIGN_IN_RULES,
  ) {}

  /** Throws `SignInThrottledError` while the account's bucket must wait; otherwise its keys. */
  async check(attempt: SignInAttempt, now: Date): Promise<Keys> {
    const address = attempt.address ? addressKey(attempt.address) : undefined;
    const familiar =
      attempt.userId !== undefined &&
      address !== undefined &&
      (await this.store.isFamiliar(attempt.userId, address, this.since(now, "familiar")));
    const account = accountKey(attempt.email, familiar ? "familiar" : "unfamiliar");
    const keys = address ? [account, address] : [account];
    const counts = await this.store.findFailures(keys, this.since(now));
    const waitMs = this.accountWaitMs(counts.get(account), now);
    if (waitMs > 0) throw new SignInThrottledError(waitSeconds(waitMs));
    const addressFailures = address ? (counts.get(address)?.failures ?? 0) : 0;
    return {
      account,
      addressFailures,
      ...(address ? { address } : {}),
      ...(attempt.userId ? { userId: attempt.userId } : {}),
    };
  }

  /** Counts a wrong password; throws 429 instead of 401 once the address is over its limit. */
  async fail(keys: Keys, now: Date): Promise<void> {
    const counted = keys.address ? [keys.account, keys.address] : [keys.account];
    await this.store.recordFailure(counted, now, this.since(now));
    if (keys.address && keys.addressFailures >= this.rules.addressMaxFailures) {
      const counts = await this.store.findFailures([keys.address], this.since(now));
      const started = counts.get(keys.address)?.windowStartedAt ?? now;
      const endsMs = started.getTime() + this.rules.windowMs - now.getTime();
      throw new SignInThrottledError(waitSeconds(endsMs));
    }
  }

  /**
   * A proven sign-in: the bucket it came through starts again (the other bucket keeps counting:
   * the owner signing in at the office does not give strangers fresh guesses), and the address
   * becomes familiar.
   */
  async succeed(keys: Keys, now: Date): Promise<void> {
    await this.store.clearFailures([keys.account]);
    if (keys.userId && keys.address) {
      await this.store.rememberAddress(keys.userId, keys.address, now);
    }
  }

  private accountWaitMs(count: FailureCount | undefined, now: Date): number {
    const over = (count?.failures ?? 0) - this.rules.accountFreeFailures;
    if (!count || over < 0) return 0;
    const delay = Math.min(
      this.rules.accountBaseDelayMs * 2 ** Math.min(over, 30),
      this.rules.accountMaxDelayMs,
    );
    return count.lastFailureAt.getTime() + delay - now.getTime();
  }

  private since(now: Date, what: "window" | "familiar" = "window"): Date {
    const ms = what === "window" ? this.rules.windowMs : this.rules.familiarForMs;
    return new Date(now.getTime() - ms);
  }
}
