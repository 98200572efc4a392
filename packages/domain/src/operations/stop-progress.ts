import type { NoShowReason, RunEventKind, RunStopKind } from "./run-event";

/** An event as stored: what `foldRunEvents` needs of it. */
export interface RecordedRunEvent {
  readonly id: string;
  readonly tripRequestId: string;
  readonly stop: RunStopKind;
  readonly kind: RunEventKind;
  readonly reason?: NoShowReason | undefined;
  /** When it happened, by the phone's clock (ISO 8601). */
  readonly at: string;
}

/** What happened at one stop of a trip, from its events. */
export interface StopProgress {
  readonly tripRequestId: string;
  readonly stop: RunStopKind;
  /** The first arrival marked. */
  readonly arrivedAt: string | null;
  /** The last of picked-up, dropped-off or no-show: a later mark corrects an earlier one. */
  readonly outcome: Exclude<RunEventKind, "arrived"> | null;
  readonly outcomeAt: string | null;
  readonly reason: NoShowReason | null;
}

/** The key of a trip's stop in `foldRunEvents`' answer. */
export function stopKey(tripRequestId: string, stop: RunStopKind): string {
  return `${tripRequestId}:${stop}`;
}

/** Events in time order; equal times by id, then by content, so any input order gives one order. */
function compareEvents(a: RecordedRunEvent, b: RecordedRunEvent): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ka = `${a.tripRequestId}:${a.stop}:${a.kind}:${a.reason ?? ""}`;
  const kb = `${b.tripRequestId}:${b.stop}:${b.kind}:${b.reason ?? ""}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Each id once: the first of its copies in time order (a resend is the same event). */
function distinctEvents(events: readonly RecordedRunEvent[]): RecordedRunEvent[] {
  const seen = new Set<string>();
  return [...events].sort(compareEvents).filter((e) => !seen.has(e.id) && seen.add(e.id));
}

function nextProgress(before: StopProgress, event: RecordedRunEvent): StopProgress {
  if (event.kind === "arrived") {
    return before.arrivedAt === null ? { ...before, arrivedAt: event.at } : before;
  }
  return {
    ...before,
    outcome: event.kind,
    outcomeAt: event.at,
    reason: event.kind === "no-show" ? (event.reason ?? null) : null,
  };
}

/**
 * What happened at each stop, keyed by `stopKey`. The answer depends only on the set of distinct
 * events: sending an event twice, or in another order, changes nothing (the phone's queue may do
 * both when signal comes and goes).
 */
export function foldRunEvents(events: readonly RecordedRunEvent[]): Map<string, StopProgress> {
  const progress = new Map<string, StopProgress>();
  for (const event of distinctEvents(events)) {
    const key = stopKey(event.tripRequestId, event.stop);
    const before = progress.get(key) ?? {
      tripRequestId: event.tripRequestId,
      stop: event.stop,
      arrivedAt: null,
      outcome: null,
      outcomeAt: null,
      reason: null,
    };
    progress.set(key, nextProgress(before, event));
  }
  return progress;
}

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as the day and minute of the day on the clocks of Great Britain. */
export function londonClock(iso: string): { readonly date: string; readonly minutes: number } {
  const parts = Object.fromEntries(
    LONDON.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
