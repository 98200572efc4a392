/**
 * Who uses the embedded database's one session next. Interactive connections (requests someone is
 * waiting for) go first; bulk connections (imports, exports, jobs: `application_name=tt-bulk`)
 * start their next unit of work only once the session has been free of interactive work for
 * `quietMs`, or after waiting `maxWaitMs`, so that bulk work keeps moving under a steady stream of
 * requests. A unit, once started, runs to its end: a statement outside a transaction, or a whole
 * transaction (the session is shared, so nobody else may run inside it).
 */
export type SessionClass = "interactive" | "bulk";

/** A connection waiting for, or holding, the session. */
export interface SessionClient {
  readonly kind: SessionClass;
  /** Called when the session is this client's: it runs its pending work now. */
  grant(): void;
}

export interface SessionTimings {
  /** How long the session must have been free of interactive work before bulk work starts. */
  readonly quietMs: number;
  /** The longest a bulk unit waits for a quiet moment before it starts anyway. */
  readonly maxWaitMs: number;
}

/**
 * Measured with `benchmarks/src/freeze.ts` (decision 0009): a request's statements come a few
 * milliseconds apart, so 10 ms without one is a quiet moment; waiting at most 50 ms keeps an export
 * of 100,000 passengers under 10 s beside an import and a day plan.
 */
export const DEFAULT_SESSION_TIMINGS: SessionTimings = { quietMs: 10, maxWaitMs: 50 };

export class SessionScheduler {
  private holder: SessionClient | undefined;
  private readonly waiting = new Map<SessionClient, number>();
  private lastInteractiveEnd = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private dispatching = false;

  constructor(
    private readonly timings: SessionTimings = DEFAULT_SESSION_TIMINGS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether `client` holds the session (its messages go straight to the database). */
  holds(client: SessionClient): boolean {
    return this.holder === client;
  }

  /** `client` has work; it is granted the session now or when its turn comes. */
  request(client: SessionClient): void {
    if (this.holder === client || this.waiting.has(client)) return;
    this.waiting.set(client, this.now());
    this.dispatch();
  }

  /** The holder's unit of work has ended: the session is free for the next. */
  release(client: SessionClient): void {
    if (this.holder !== client) return;
    this.holder = undefined;
    if (client.kind === "interactive") this.lastInteractiveEnd = this.now();
    // Let answers go out and new requests arrive before choosing who is next.
    setImmediate(() => this.dispatch());
  }

  /** The client has gone: it waits no more, and frees the session if it held it. */
  leave(client: SessionClient): void {
    this.waiting.delete(client);
    this.release(client);
  }

  /** Stops the timer: nothing more will be granted. */
  close(): void {
    clearTimeout(this.timer);
    this.waiting.clear();
  }

  private dispatch(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (!this.holder) {
        const next = this.choose();
        if (!next) return;
        this.waiting.delete(next);
        this.holder = next;
        next.grant();
      }
    } finally {
      this.dispatching = false;
    }
  }

  /** The client to grant now, if any; otherwise sets the timer for when a bulk one may start. */
  private choose(): SessionClient | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    let bulk: [SessionClient, number] | undefined;
    let interactive: SessionClient | undefined;
    for (const [client, since] of this.waiting) {
      if (client.kind === "interactive") interactive ??= client;
      else bulk ??= [client, since];
    }
    if (bulk && now - bulk[1] >= this.timings.maxWaitMs) return bulk[0];
    if (interactive) return interactive;
    if (!bulk) return undefined;
    const startAt = Math.min(
      this.lastInteractiveEnd + this.timings.quietMs,
      bulk[1] + this.timings.maxWaitMs,
    );
    if (now >= startAt) return bulk[0];
    this.timer = setTimeout(() => this.dispatch(), startAt - now);
    return undefined;
  }
}
