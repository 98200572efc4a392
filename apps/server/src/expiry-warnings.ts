import { ExpiryWarningSender, type Notifier, type UnitOfWork } from "@tt/app";

/** How often a process looks for compliance documents to warn about, milliseconds (hourly). */
export const EXPIRY_WARNING_INTERVAL_MS = 60 * 60_000;

/** Where a round's counts and failures go: counts and document ids only, never an address. */
export interface ExpiryWarningLog {
  warn(details: object, message: string): void;
  info?(details: object, message: string): void;
}

/**
 * Sends compliance documents' expiry warnings through the notifiers configured, at start-up and
 * every hour, until stopped. Every process sending messages runs it; the warnings' claims in the
 * database keep each from going twice.
 */
export function startExpiryWarnings(
  notifiers: readonly Notifier[],
  unitOfWork: UnitOfWork,
  options: { readonly publicUrl?: string | undefined; readonly log: ExpiryWarningLog },
): () => Promise<void> {
  const { log } = options;
  const sender = new ExpiryWarningSender(unitOfWork, notifiers, {
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    onFailure: (failure) => log.warn(failure, "an expiry warning was not sent: tried next round"),
  });
  return sender.start(
    EXPIRY_WARNING_INTERVAL_MS,
    (counts) => {
      if (counts.sent + counts.failed + counts.unaddressed > 0)
        log.info?.(counts, "expiry warnings round");
    },
    (error) =>
      log.warn(
        { error: error instanceof Error ? error.name : "unknown" },
        "sending expiry warnings failed",
      ),
  );
}
