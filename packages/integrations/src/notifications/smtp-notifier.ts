import { type Notifier, NotifierError, type OutgoingMessage } from "@tt/app";
import { createTransport } from "nodemailer";
import { numberProperty, redactAddresses, stringProperty } from "./redact-addresses";

/** How to reach an SMTP server and whom the mail is from. */
export interface SmtpNotifierOptions {
  /** Connection URL, e.g. `smtps://user:password@smtp.example.org:465` or `smtp://127.0.0.1:25`. */
  readonly url: string;
  /** The sender, e.g. `"School transport <transport@example.gov.uk>"`. */
  readonly from: string;
  /** Bounds connecting, waiting for the greeting and each wait on the socket, in ms. Default 10 000. */
  readonly timeoutMs?: number;
}

/** The header that carries our message id, so that a message sent twice can be traced. */
export const SMTP_MESSAGE_HEADER = "X-TT-Message";

const DEFAULT_TIMEOUT_MS = 10_000;

// Nodemailer's codes for failures with no SMTP reply that sending again cannot mend: a message
// it will not build, a configuration it cannot use, or a server that wants credentials we lack.
const PERMANENT_LOCAL_CODES = new Set(["EENVELOPE", "EMESSAGE", "ECONFIG", "ENOAUTH"]);
// Replies that refuse our credentials, not the message: authentication required, or failed.
const CREDENTIAL_REPLIES = new Set([530, 535]);

/**
 * A notifier that sends plain-text email through an SMTP server (one connection per message).
 * Its reference is the Message-ID; our id goes in the `X-TT-Message` header. Replies of 5xx are
 * permanent refusals and 4xx replies, timeouts and connection failures temporary ones; an error's
 * message names the reply code and command, never the recipient.
 */
export function createSmtpNotifier(options: SmtpNotifierOptions): Notifier {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    channels: ["email"],
    async send(message) {
      if (message.channel !== "email") {
        throw new NotifierError(`The SMTP notifier sends email only, not ${message.channel}`, true);
      }
      try {
        const info = await transport.sendMail({
          from: options.from,
          // An address object, so a comma in it can never make a second recipient.
          to: { name: "", address: message.to },
          subject: message.subject,
          text: message.body,
          headers: headersOf(message),
        });
        return { providerReference: info.messageId };
      } catch (error) {
        // No `cause`: Nodemailer's errors list the rejected recipients.
        throw smtpFailure(error, message.to);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function headersOf(message: OutgoingMessage): Record<string, string> {
  const headers: Record<string, string> = { [SMTP_MESSAGE_HEADER]: message.id };
  if (message.optOutUrl !== undefined) {
    // RFC 8058 one-click unsubscribe: the link, and the promise that a POST to it is enough.
    headers["List-Unsubscribe"] = `<${message.optOutUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return headers;
}

/** A Nodemailer failure as a {@link NotifierError} that never names the recipient. */
function smtpFailure(error: unknown, recipient: string): NotifierError {
  const responseCode = numberProperty(error, "responseCode");
  const command = stringProperty(error, "command");
  if (responseCode !== undefined) {
    const permanent = responseCode >= 500;
    const reply = stringProperty(error, "response")
      ?.replace(/^\d{3}[ -]?/, "")
      .trim();
    const said = reply ? `: ${redactAddresses(reply, recipient)}` : "";
    const after = command ? ` after ${command}` : "";
    const verb = permanent ? "refused" : "deferred";
    return new NotifierError(
      `SMTP server ${verb} the message (${responseCode}${after})${said}`,
      permanent,
      CREDENTIAL_REPLIES.has(responseCode) || stringProperty(error, "code") === "EAUTH",
    );
  }
  const code = stringProperty(error, "code");
  const originalCode = stringProperty(error, "originalCode");
  const codes = [code, originalCode].filter((c) => c !== undefined).join("/");
  const detail = error instanceof Error ? `: ${redactAddresses(error.message, recipient)}` : "";
  return new NotifierError(
    `SMTP sending failed${codes ? ` (${codes})` : ""}${detail}`,
    code !== undefined && PERMANENT_LOCAL_CODES.has(code),
    // The server wants credentials the settings lack: nothing can go until they are given.
    code === "ENOAUTH" || code === "EAUTH",
  );
}
