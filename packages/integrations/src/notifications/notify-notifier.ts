import { type Notifier, NotifierError, type OutgoingMessage } from "@tt/app";
import axios from "axios";
import { NotifyClient } from "notifications-node-client";
import { hasProperty, redactAddresses, stringProperty } from "./redact-addresses";

/** A GOV.UK Notify service's API key and the two templates every message goes through. */
export interface NotifyNotifierOptions {
  /** The API key, `keyname-<service id>-<secret>` as Notify shows it. */
  readonly apiKey: string;
  /** Notify's API. Default `https://api.notifications.service.gov.uk`. */
  readonly baseUrl?: string;
  /** An email template whose subject is `((subject))` and whose body is `((body))`. */
  readonly emailTemplateId: string;
  /** A text message template whose body is `((body))`. */
  readonly smsTemplateId: string;
  /** Bounds each request, in ms. Default 10 000. */
  readonly timeoutMs?: number;
}

const DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk";
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A notifier that sends email and text messages through GOV.UK Notify, filling the two templates
 * with the message's subject and body and giving our message id as Notify's `reference`. Its
 * reference is Notify's notification id. Notify's 429s, 5xx and failures to reach it are
 * temporary; its other 4xx (400 BadRequestError and ValidationError, 403 AuthError) permanent.
 */
export function createNotifyNotifier(options: NotifyNotifierOptions): Notifier {
  const client = new NotifyClient(options.baseUrl ?? DEFAULT_BASE_URL, options.apiKey);
  // The client's own requests have no timeout; it takes an axios instance that has one.
  client.setClient(axios.create({ timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS }));
  return {
    channels: ["email", "sms"],
    async send(message) {
      try {
        const response = await post(client, options, message);
        const id = stringProperty(response.data, "id");
        if (id) return { providerReference: id };
      } catch (error) {
        // No `cause`: axios's errors carry the request, and so the recipient.
        throw notifyFailure(error, message.to);
      }
      // A proxy's page, say, rather than Notify's answer: the message did not reach Notify.
      throw new NotifierError("GOV.UK Notify's answer had no notification id", false);
    },
  };
}

function post(client: NotifyClient, options: NotifyNotifierOptions, message: OutgoingMessage) {
  if (message.channel === "sms") {
    return client.sendSms(options.smsTemplateId, message.to, {
      personalisation: { body: message.body },
      reference: message.id,
    });
  }
  return client.sendEmail(options.emailTemplateId, message.to, {
    personalisation: { subject: message.subject, body: message.body },
    reference: message.id,
    ...(message.optOutUrl === undefined ? {} : { oneClickUnsubscribeURL: message.optOutUrl }),
  });
}

/** Whether a refusal with this HTTP status may go through when sent again. */
const isTemporaryStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * A failure of the Notify client as a {@link NotifierError} that never names the recipient; any
 * error but axios's (a fault of ours, not Notify's answer) is passed on as it is.
 */
function notifyFailure(error: unknown, recipient: string): unknown {
  if (!axios.isAxiosError(error)) return error;
  const status = error.response?.status;
  if (status === undefined) {
    const code = error.code ?? "no response";
    return new NotifierError(`GOV.UK Notify could not be reached (${code})`, false);
  }
  const reasons = notifyErrorsOf(error.response?.data)
    .map(({ kind, message }) => `${kind}: ${redactAddresses(message, recipient)}`)
    .join("; ");
  const permanent = !isTemporaryStatus(status);
  const verb = permanent ? "refused" : "could not take";
  return new NotifierError(
    `GOV.UK Notify ${verb} the message (${status}${reasons ? ` ${reasons}` : ""})`,
    permanent,
    // Notify refuses the key, not the message: nothing can go until the key is mended.
    status === 401 || status === 403,
  );
}

/** The `errors` of Notify's error body, `{status_code, errors: [{error, message}]}`. */
function notifyErrorsOf(body: unknown): { kind: string; message: string }[] {
  const errors = hasProperty(body, "errors") ? body.errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry: unknown) => {
    const kind = stringProperty(entry, "error");
    const message = stringProperty(entry, "message");
    return kind === undefined ? [] : [{ kind, message: message ?? "" }];
  });
}
