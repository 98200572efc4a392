import type { ExpiryWarning, Role } from "@tt/domain";
import { londonDate } from "../entitlement";
import {
  type Clock,
  type Notifier,
  NotifierError,
  systemClock,
  type UnitOfWorkOf,
  type User,
} from "../ports";
import { repeatRounds } from "../shared";
import { complianceRecordOf } from "./compliance-service";
import { composeExpiryWarning } from "./expiry-warning-words";

/** What sending expiry warnings reads and writes. */
export type ExpiryWarningUnitOfWork = UnitOfWorkOf<
  "compliance" | "vehicles" | "identity" | "audit"
>;

/** The roles warned: those who renew documents and run the organisation. */
export const WARNED_ROLES: readonly Role[] = ["operator", "admin"];

/** What one round did: warnings sent, warnings whose every email failed (sent next round). */
export interface ExpiryWarningCounts {
  readonly sent: number;
  readonly failed: number;
  /** Warnings due to organisations with no operator or administrator to tell (tried next round). */
  readonly unaddressed: number;
}

export interface ExpiryWarningOptions {
  readonly clock?: Clock;
  /** The web app's public address: the email links to its compliance page (none: no link). */
  readonly publicUrl?: string;
  /** How long a claim holds before another process may send the warning, minutes. */
  readonly claimMinutes?: number;
  /** Told of each warning whose every email failed (no address, no words of the message). */
  readonly onFailure?: (failure: { documentId: string; threshold: number; error: string }) => void;
}

type Outcome = "sent" | "failed" | "skipped";
type Tally = { sent: number; failed: number; unaddressed: number };

const MINUTE_MS = 60_000;

/**
 * Emails each compliance document's expiry warning once: at 60, 30 and 7 days before it expires
 * and once when it lapses (`listExpiryWarnings`: the latest document of each subject and kind, at
 * the most urgent threshold reached, so a renewed document warns no more and one recorded 5 days
 * before expiry gets only the 7-day warning). Each goes to the holder's operators and
 * administrators, by the first notifier sending email; a warning is claimed in the database before
 * it is sent, so restarts and other processes never send it twice.
 */
export class ExpiryWarningSender {
  private readonly clock: Clock;
  private readonly notifier: Notifier | undefined;

  constructor(
    private readonly unitOfWork: ExpiryWarningUnitOfWork,
    notifiers: readonly Notifier[],
    private readonly options: ExpiryWarningOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.notifier = notifiers.find((n) => n.channels.includes("email"));
  }

  /** One round over every organisation holding documents. Without an email notifier, nothing. */
  async sendDue(): Promise<ExpiryWarningCounts> {
    const tally: Tally = { sent: 0, failed: 0, unaddressed: 0 };
    if (!this.notifier) return tally;
    const holders = await this.unitOfWork.repositories.compliance.listHolders();
    for (const holderId of holders) await this.sendForHolder(holderId, tally);
    return tally;
  }

  /** Sends a round now and every `intervalMs` until stopped; the stop waits for the round under way. */
  start(
    intervalMs: number,
    onRound: (counts: ExpiryWarningCounts) => void,
    onError: (error: unknown) => void,
  ): () => Promise<void> {
    return repeatRounds(() => this.sendDue().then(onRound, onError), intervalMs);
  }

  private async sendForHolder(holderId: string, tally: Tally): Promise<void> {
    const repos = this.unitOfWork.repositories;
    const today = londonDate(this.clock.now());
    const record = await complianceRecordOf(repos, holderId, today);
    if (record.warnings.length === 0) return;
    const recipients = (await repos.identity.listUsers(holderId)).filter(
      (u) => !u.disabled && WARNED_ROLES.includes(u.role),
    );
    if (recipients.length === 0) {
      tally.unaddressed += record.warnings.length;
      return;
    }
    const holder = await repos.identity.findOrganisation(holderId);
    for (const warning of record.warnings) {
      const vehicleReference = warning.document.vehicleId
        ? record.vehicles[warning.document.vehicleId]
        : undefined;
      const words = composeExpiryWarning(warning, {
        holderName: holder?.name ?? "Your organisation",
        ...(vehicleReference ? { vehicleReference } : {}),
        ...(this.options.publicUrl
          ? { complianceUrl: `${this.options.publicUrl}/compliance` }
          : {}),
      });
      const outcome = await this.sendWarning(warning, words, recipients);
      if (outcome !== "skipped") tally[outcome]++;
    }
  }

  /**
   * Claims the warning, emails each recipient, then records it sent and audits it in one
   * transaction. When every email failed the claim is given up, so the next round tries again;
   * when some went, the warning counts as sent (sending it again would repeat it to those it
   * reached). A process dying between claim and record leaves a claim that runs out after
   * `claimMinutes`, and a later round sends it.
   */
  private async sendWarning(
    warning: ExpiryWarning,
    words: { subject: string; body: string },
    recipients: readonly User[],
  ): Promise<Outcome> {
    const { document, threshold } = warning;
    const compliance = this.unitOfWork.repositories.compliance;
    const now = this.clock.now();
    const until = new Date(now.getTime() + (this.options.claimMinutes ?? 15) * MINUTE_MS);
    const claimed = await compliance.claimWarning(
      document.id,
      threshold,
      now.toISOString(),
      until.toISOString(),
    );
    if (!claimed) return "skipped";
    const { reached, error } = await this.deliver(warning, words, recipients);
    if (reached === 0) {
      await compliance.releaseWarning(document.id, threshold);
      this.options.onFailure?.({ documentId: document.id, threshold, error });
      return "failed";
    }
    await this.unitOfWork.transaction(async (repos) => {
      const at = this.clock.now().toISOString();
      await repos.compliance.markWarningSent(document.id, threshold, at, reached);
      await repos.audit.append({
        organisationId: document.organisationId,
        userId: null,
        action: "export",
        resource: "compliance",
        resourceIds: [document.id],
        purpose: "expiry warning sent",
        details: { documentId: document.id, threshold, recipients: reached },
      });
    });
    return "sent";
  }

  /** One email per recipient; answers how many the notifier took, and its last refusal. */
  private async deliver(
    warning: ExpiryWarning,
    words: { subject: string; body: string },
    recipients: readonly User[],
  ): Promise<{ reached: number; error: string }> {
    let reached = 0;
    let error = "";
    for (const user of recipients) {
      try {
        await this.notifier?.send({
          id: `expiry-warning:${warning.document.id}:${warning.threshold}:${user.id}`,
          channel: "email",
          to: user.email,
          ...words,
        });
        reached++;
      } catch (failure) {
        // The provider's words only (the notifiers take addresses out of them).
        error = failure instanceof NotifierError ? failure.message : "the notifier failed";
      }
    }
    return { reached, error };
  }
}
