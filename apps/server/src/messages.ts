import { MessageDispatcher, type Notifier, type UnitOfWork } from "@tt/app";
import { createNotifyNotifier, createSmtpNotifier } from "@tt/integrations";
import type { NotificationsConfig } from "./config";
import { type ExpiryWarningLog, startExpiryWarnings } from "./expiry-warnings";

/** How often a process looks for messages to send, milliseconds. */
export const DISPATCH_INTERVAL_MS = 5_000;

/** The notifiers configured: SMTP first (email), then GOV.UK Notify (email without SMTP, and SMS). */
export function configuredNotifiers(config: NotificationsConfig): Notifier[] {
  const notifiers: Notifier[] = [];
  if (config.smtp) notifiers.push(createSmtpNotifier(config.smtp));
  if (config.notify) notifiers.push(createNotifyNotifier(config.notify));
  return notifiers;
}

/**
 * A contact's opt-out links from its token, when the service has a public address: the web
 * page (the token after `#`, so it never reaches a server log) and the one-click address.
 */
export function optOutLinks(publicUrl: string | undefined) {
  return publicUrl
    ? (token: string) => ({
        page: `${publicUrl}/opt-out#${token}`,
        oneClick: `${publicUrl}/api/opt-out/${token}`,
      })
    : undefined;
}

/**
 * Starts sending queued messages, and compliance documents' expiry warnings, from this process,
 * when a notifier is configured (without one messages stay queued, and the desk shows them so;
 * no warning is sent or recorded). Answers how to stop, or undefined.
 */
export function startMessageDispatch(
  config: NotificationsConfig,
  unitOfWork: UnitOfWork,
  log: ExpiryWarningLog,
): (() => Promise<void>) | undefined {
  const notifiers = configuredNotifiers(config);
  if (notifiers.length === 0) return undefined;
  const links = optOutLinks(config.publicUrl);
  const dispatcher = new MessageDispatcher(unitOfWork, notifiers, {
    ...(links ? { optOutLinks: links } : {}),
    // The provider's words only: never the address or the message.
    onFailure: (failure) => log.warn(failure, "a message was not sent"),
    onServiceFault: (fault) =>
      log.warn(fault, "a messaging service refused our settings: messages wait until it is mended"),
  });
  const stop = dispatcher.start(DISPATCH_INTERVAL_MS, (error) =>
    log.warn({ error: error instanceof Error ? error.name : "unknown" }, "sending messages failed"),
  );
  const stopWarnings = startExpiryWarnings(notifiers, unitOfWork, {
    publicUrl: config.publicUrl,
    log,
  });
  return async () => {
    await Promise.all([stop(), stopWarnings()]);
    await Promise.all(notifiers.map((n) => n.close?.()));
  };
}
