import { formatMinutesOfDay } from "../shared/time-of-day";
import type { ContactChannel } from "./contact";

/**
 * What a message tells: the planned pick-up time once a day's plan is published, a booking
 * confirmed, a pick-up time moved by a change to the plan, or a trip cancelled for the day.
 */
export const MESSAGE_KINDS = [
  "pick-up-time",
  "booking-confirmed",
  "pick-up-changed",
  "trip-cancelled",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Where a message stands: queued to send, being sent, sent (the provider took it), failed (the
 * provider refused it, or every attempt failed), or not sent because the contact opted out.
 */
export const MESSAGE_STATUSES = ["queued", "sending", "sent", "failed", "opted-out"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** A pick-up moved by less than this is not worth a message [D]. */
export const MOVE_NOTICE_MINUTES = 5;

/** Minutes to wait before each further attempt after a temporary failure [D]; then it has failed. */
export const RETRY_AFTER_MINUTES: readonly number[] = [1, 5, 15, 60];

/**
 * Minutes sending waits when a service refuses us, not the message (a wrong key or password),
 * before trying that service again; the messages wait with it, their attempts uncounted [D].
 */
export const SERVICE_PAUSE_MINUTES = 15;

/** What one message says about one trip on one day, before it is written for a channel. */
export interface TripNotice {
  readonly kind: MessageKind;
  /** The passenger's given name only. */
  readonly givenName: string;
  readonly tripReference: string;
  readonly serviceDate: string;
  /** The planned pick-up, minutes after midnight (none for a cancellation). */
  readonly pickup?: number;
  /** The pick-up it replaces, for a change. */
  readonly previousPickup?: number;
}

/** A message written for its channel (an SMS has no subject line). */
export interface ComposedMessage {
  readonly subject: string;
  readonly body: string;
}

const DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

/** "Tuesday 24 November" for an ISO date. */
export function spokenDate(date: string): string {
  return DAY.format(new Date(`${date}T00:00:00Z`));
}

function sentence(notice: TripNotice): string {
  const day = spokenDate(notice.serviceDate);
  const at = notice.pickup === undefined ? "" : formatMinutesOfDay(Math.round(notice.pickup));
  const who = notice.givenName;
  switch (notice.kind) {
    case "pick-up-time":
      return `${who}'s pick-up on ${day} is planned for about ${at}.`;
    case "booking-confirmed":
      return `${who}'s trip on ${day} is booked. The pick-up is planned for about ${at}.`;
    case "pick-up-changed": {
      const was =
        notice.previousPickup === undefined
          ? ""
          : ` (it was ${formatMinutesOfDay(Math.round(notice.previousPickup))})`;
      return `${who}'s pick-up on ${day} has changed to about ${at}${was}.`;
    }
    case "trip-cancelled":
      return `${who}'s trip on ${day} is cancelled.`;
  }
}

const SUBJECTS: Record<MessageKind, string> = {
  "pick-up-time": "Pick-up time",
  "booking-confirmed": "Trip booked",
  "pick-up-changed": "Pick-up time changed",
  "trip-cancelled": "Trip cancelled",
};

/**
 * The message's words: the given name, the day, the time and the trip's reference, never an
 * address or a need. The line that says how to stop messages is added when it is sent
 * (`withOptOut`): its link is the contact's own, and the log keeps the words without it.
 */
export function composeMessage(notice: TripNotice, channel: ContactChannel): ComposedMessage {
  const subject = `${SUBJECTS[notice.kind]}: ${spokenDate(notice.serviceDate)} (${notice.tripReference})`;
  const lines =
    channel === "sms"
      ? [sentence(notice), `Ref ${notice.tripReference}.`]
      : [
          sentence(notice),
          `Trip reference: ${notice.tripReference}.`,
          "If you need to change or cancel it, call your transport team and give the reference.",
        ];
  return { subject, body: lines.join(channel === "sms" ? " " : "\n\n") };
}

/**
 * The message as sent: its words and how to stop further messages, by the contact's own link
 * when the service has a public address, else by asking the transport team.
 */
export function withOptOut(
  message: ComposedMessage,
  channel: ContactChannel,
  optOutUrl?: string,
): ComposedMessage {
  const stop = optOutUrl
    ? `To stop these messages: ${optOutUrl}`
    : "To stop these messages, tell your transport team.";
  return { ...message, body: `${message.body}${channel === "sms" ? " " : "\n\n"}${stop}` };
}

/** A trip's planned pick-up in one plan: minutes after midnight. */
export type PickupTimes = ReadonlyMap<string, number>;

/** A trip whose message a change to the day's plan calls for. */
export interface PickupChange {
  readonly tripRequestId: string;
  readonly kind: MessageKind;
  readonly pickup?: number;
  readonly previousPickup?: number;
}

/**
 * What a newly published plan tells each passenger, against the plan it replaces (none: the
 * day's first publication, where every trip gets its time). A trip new to the day is booked;
 * one moved by `MOVE_NOTICE_MINUTES` or more has changed; one named in `cancelled` is
 * cancelled. A trip that lost its place without being cancelled gets nothing automatic: the desk
 * calls.
 */
export function pickupChanges(
  before: PickupTimes | undefined,
  after: PickupTimes,
  cancelled: ReadonlySet<string> = new Set(),
): PickupChange[] {
  const changes: PickupChange[] = [];
  for (const [tripRequestId, pickup] of after) {
    const was = before?.get(tripRequestId);
    if (!before) changes.push({ tripRequestId, kind: "pick-up-time", pickup });
    else if (was === undefined) changes.push({ tripRequestId, kind: "booking-confirmed", pickup });
    else if (Math.abs(Math.round(pickup) - Math.round(was)) >= MOVE_NOTICE_MINUTES)
      changes.push({ tripRequestId, kind: "pick-up-changed", pickup, previousPickup: was });
  }
  for (const tripRequestId of cancelled) {
    if (!after.has(tripRequestId)) changes.push({ tripRequestId, kind: "trip-cancelled" });
  }
  return changes;
}
