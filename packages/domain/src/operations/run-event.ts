import { z } from "zod";
import { idSchema } from "../shared/schemas";
import { isoDateSchema } from "../shared/time-of-day";

/** What a driver or passenger assistant marks at a stop, with the time on their phone. */
export const RUN_EVENT_KINDS = ["arrived", "picked-up", "dropped-off", "no-show"] as const;
export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

/** The stop of a trip an event is about: where the passenger is picked up, or set down. */
export const RUN_STOP_KINDS = ["pickup", "dropoff"] as const;
export type RunStopKind = (typeof RUN_STOP_KINDS)[number];

/** The version of the list of no-show reasons: an event keeps the version its reason came from. */
export const NO_SHOW_REASONS_VERSION = "2026-12";

/**
 * Why nobody travelled at a pick-up: Kent asked for the reason of every missed journey, and NEPTS
 * reports missed appointments, so the driver chooses one of these, never free text.
 */
export const NO_SHOW_REASON_CODES = [
  "not-at-pickup",
  "declined-to-travel",
  "unwell",
  "not-ready",
  "wrong-address",
  "cancelled-at-door",
] as const;
export type NoShowReason = (typeof NO_SHOW_REASON_CODES)[number];

export const NO_SHOW_REASONS: Readonly<Record<NoShowReason, string>> = {
  "not-at-pickup": "Nobody at the pick-up point",
  "declined-to-travel": "Declined to travel",
  unwell: "Too unwell to travel",
  "not-ready": "Not ready in time",
  "wrong-address": "Not at this address",
  "cancelled-at-door": "Cancelled at the door",
};

/** Which stop each event may be marked at: boarding and no-shows at pick-ups, set-downs at drop-offs. */
const STOP_OF_KIND: Readonly<Record<RunEventKind, readonly RunStopKind[]>> = {
  arrived: ["pickup", "dropoff"],
  "picked-up": ["pickup"],
  "no-show": ["pickup"],
  "dropped-off": ["dropoff"],
};

/** At most this many events in one upload: a phone back in signal after a day's work. */
export const MAX_RUN_EVENTS_PER_UPLOAD = 500;

/**
 * One event as the phone records it. Its id is made on the phone, so a phone sending it again
 * (it did not hear the answer) records it once.
 */
export const runEventSchema = z
  .object({
    id: z.uuid({ message: "expected the event's id, a UUID made on the phone" }),
    serviceDate: isoDateSchema,
    vehicleId: idSchema,
    tripRequestId: idSchema,
    stop: z.enum(RUN_STOP_KINDS),
    kind: z.enum(RUN_EVENT_KINDS),
    reason: z.enum(NO_SHOW_REASON_CODES).optional(),
    at: z.iso.datetime({
      offset: true,
      message: "expected a date and time, e.g. 2026-11-24T08:12:00Z",
    }),
  })
  .superRefine((event, ctx) => {
    if (!STOP_OF_KIND[event.kind].includes(event.stop)) {
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: `"${event.kind}" is not marked at a ${event.stop === "pickup" ? "pick-up" : "drop-off"}`,
      });
    }
    if ((event.kind === "no-show") !== (event.reason !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message:
          event.kind === "no-show" ? "a no-show needs its reason" : "only a no-show has a reason",
      });
    }
  });
export type RunEventInput = z.infer<typeof runEventSchema>;

/** At most this many days in one upload: a phone's queue holds a few days' work at most. */
export const MAX_RUN_EVENT_DAYS = 7;

export const runEventUploadSchema = z.object({
  events: z
    .array(runEventSchema)
    .min(1, { message: "send at least one event" })
    .max(MAX_RUN_EVENTS_PER_UPLOAD, {
      message: `at most ${MAX_RUN_EVENTS_PER_UPLOAD} events in one upload`,
    })
    .refine((events) => new Set(events.map((e) => e.serviceDate)).size <= MAX_RUN_EVENT_DAYS, {
      message: `events of at most ${MAX_RUN_EVENT_DAYS} days in one upload`,
    }),
});
export type RunEventUpload = z.infer<typeof runEventUploadSchema>;

/**
 * A stop served more than this many minutes after its planned time counts as late on the status
 * board [D]: the told pick-up window runs to ten minutes after the planned time.
 */
export const LATE_AFTER_MINUTES = 10;
