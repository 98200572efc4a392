import {
  type ContactChannel,
  RETRY_AFTER_MINUTES,
  SERVICE_PAUSE_MINUTES,
  withOptOut,
} from "@tt/domain";
import {
  type ClaimedMessage,
  type Clock,
  type Notifier,
  NotifierError,
  systemClock,
  type UnitOfWorkOf,
} from "../ports";
import { repeatRounds } from "../shared";

/** What one round of sending did. */
export interface DispatchCounts {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly optedOut: number;
  /** Held back because their service refuses us (a wrong key or password): sent later. */
  readonly waiting: number;
}

export interface DispatcherOptions {
  /**
   * The contact's opt-out links from its token: the page a person opens from the message, and
   * the address a mail program posts for one-click unsubscribe (none: the message says to ask
   * the transport team).
   */
  readonly optOutLinks?: (token: string) => OptOutLinks;
  readonly clock?: Clock;
  /** Messages claimed per round. */
  readonly batch?: number;
  /** How long a claim holds before another dispatcher may send the message, minutes. */
  readonly leaseMinutes?: number;
  /** Told of each failed attempt (no address, no words of the message). */
  readonly onFailure?: (failure: { id: string; error: string; permanent: boolean }) => void;
  /** Told once each time a service refuses us and sending through it waits. */
  readonly onServiceFault?: (fault: { error: string; until: string }) => void;
}

/** Where a contact stops their messages. */
export interface OptOutLinks {
  /** A page with a button: opening a link must not act (mail scanners open links). */
  readonly page: string;
  /** Posted by mail programs for one-click unsubscribe (RFC 8058). */
  readonly oneClick: string;
}

const MINUTE_MS = 60_000;

type Outcome = keyof DispatchCounts;

/**
 * Sends queued messages through the notifiers configured (SMTP for email, GOV.UK Notify for
 * email and SMS), from any number of server processes: each round claims a batch no other
 * dispatcher holds. A temporary failure is tried again after 1, 5, 15 and 60 minutes; a refusal,
 * a removed contact or a channel no notifier sends fails at once; a contact that opted out since
 * the message was queued gets nothing. A service that refuses us rather than the message (a wrong
 * key or password) is left alone for `SERVICE_PAUSE_MINUTES`: its messages wait, their attempts
 * uncounted, so mending the settings sends them all.
 */
export class MessageDispatcher {
  private readonly clock: Clock;
  /** Notifiers refusing us, and until when sending through them waits. */
  private readonly paused = new Map<Notifier, { until: Date; error: string }>();

  constructor(
    private readonly unitOfWork: UnitOfWorkOf<"messages">,
    private readonly notifiers: readonly Notifier[],
    private readonly options: DispatcherOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** One round: claims what is due and sends it. */
  async dispatchDue(): Promise<DispatchCounts> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + (this.options.leaseMinutes ?? 5) * MINUTE_MS);
    const claimed = await this.unitOfWork.repositories.messages.claimDue(
      now.toISOString(),
      lease.toISOString(),
      this.options.batch ?? 50,
    );
    const counts: Record<Outcome, number> = {
      sent: 0,
      retrying: 0,
      failed: 0,
      optedOut: 0,
      waiting: 0,
    };
    for (const message of claimed) counts[await this.deliver(message)]++;
    return counts;
  }

  /**
   * Sends in rounds every `intervalMs` until stopped (a full batch goes round again at once).
   * Answers the stop, which waits for the round under way.
   */
  start(intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
    const round = async (stopped: () => boolean): Promise<void> => {
      try {
        const c = await this.dispatchDue();
        const total = c.sent + c.retrying + c.failed + c.optedOut + c.waiting;
        if (total >= (this.options.batch ?? 50) && !stopped()) return round(stopped);
      } catch (error) {
        onError(error);
      }
    };
    return repeatRounds(round, intervalMs);
  }

  private notifierFor(channel: ContactChannel): Notifier | undefined {
    return this.notifiers.find((n) => n.channels.includes(channel));
  }

  private async deliver(message: ClaimedMessage): Promise<Outcome> {
    const messages = this.unitOfWork.repositories.messages;
    if (message.optedOut) {
      await messages.markOptedOut(message.id);
      return "optedOut";
    }
    const notifier = this.notifierFor(message.channel);
    if (!message.address || !notifier) {
      const why = message.address
        ? `no service is configured to send ${message.channel === "sms" ? "SMS" : "email"}`
        : "the contact was removed before the message was sent";
      return this.fail(message, why, true);
    }
    const pause = this.paused.get(notifier);
    if (pause && pause.until > this.clock.now()) return this.wait(message, pause);
    const links = message.optOutToken ? this.options.optOutLinks?.(message.optOutToken) : undefined;
    const words = withOptOut(
      { subject: message.subject, body: message.body },
      message.channel,
      links?.page,
    );
    try {
      const { providerReference } = await notifier.send({
        id: message.id,
        channel: message.channel,
        to: message.address,
        ...words,
        ...(links ? { optOutUrl: links.oneClick } : {}),
      });
      await messages.markSent(message.id, providerReference, this.clock.now().toISOString());
      return "sent";
    } catch (error) {
      if (error instanceof NotifierError && error.serviceFault) {
        return this.wait(message, this.pauseFor(notifier, error.message));
      }
      const permanent = error instanceof NotifierError && error.permanent;
      const why = error instanceof NotifierError ? error.message : "the notifier failed";
      return this.fail(message, why, permanent);
    }
  }

  /** Sending through the notifier waits `SERVICE_PAUSE_MINUTES`; said once to `onServiceFault`. */
  private pauseFor(notifier: Notifier, error: string): { until: Date; error: string } {
    const until = new Date(this.clock.now().getTime() + SERVICE_PAUSE_MINUTES * MINUTE_MS);
    const pause = { until, error };
    this.paused.set(notifier, pause);
    this.options.onServiceFault?.({ error, until: until.toISOString() });
    return pause;
  }

  private async wait(
    message: ClaimedMessage,
    pause: { until: Date; error: string },
  ): Promise<Outcome> {
    // A pick-up time is no use after its day: it fails rather than going out late.
    if (message.serviceDate < this.clock.now().toISOString().slice(0, 10)) {
      return this.fail(
        message,
        `its day passed while the service refused us (${pause.error})`,
        true,
      );
    }
    const why = `waiting: the service refused us (${pause.error})`;
    await this.unitOfWork.repositories.messages.markWaiting(
      message.id,
      why,
      pause.until.toISOString(),
    );
    return "waiting";
  }

  private async fail(message: ClaimedMessage, error: string, permanent: boolean): Promise<Outcome> {
    this.options.onFailure?.({ id: message.id, error, permanent });
    const wait = permanent ? undefined : RETRY_AFTER_MINUTES[message.attempts - 1];
    const retryAt =
      wait === undefined ? null : new Date(this.clock.now().getTime() + wait * MINUTE_MS);
    await this.unitOfWork.repositories.messages.markFailed(
      message.id,
      error,
      retryAt?.toISOString() ?? null,
    );
    return retryAt ? "retrying" : "failed";
  }
}
