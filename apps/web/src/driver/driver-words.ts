import {
  type DriverDayView,
  type DriverStopView,
  foldRunEvents,
  NO_SHOW_REASONS,
  stopKey,
} from "@tt/contract";
import type { RunMark } from "./outbox";

type Progress = NonNullable<DriverStopView["progress"]>;

/**
 * What the phone shows at each stop: the server's progress, overtaken by marks made on this
 * phone (sent or still queued), folded the same way the server folds them.
 */
export function progressOnPhone(
  stop: DriverStopView,
  local: ReadonlyMap<string, Progress>,
): Progress | null {
  if (stop.kind === "break" || !stop.tripRequestId) return null;
  return local.get(stopKey(stop.tripRequestId, stop.kind)) ?? stop.progress;
}

/** The marks made on this phone, folded by stop. */
export function localProgress(marks: readonly RunMark[]): Map<string, Progress> {
  return foldRunEvents(marks);
}

const clock = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** The stop's state in words: "On board at 08:14", "No-show: Nobody at the pick-up point". */
export function progressText(progress: Progress | null): string {
  if (!progress) return "Not yet";
  const at = progress.outcomeAt ? ` at ${clock(progress.outcomeAt)}` : "";
  switch (progress.outcome) {
    case "picked-up":
      return `On board${at}`;
    case "dropped-off":
      return `Dropped off${at}`;
    case "no-show":
      return `No-show${at}: ${progress.reason ? NO_SHOW_REASONS[progress.reason] : "no reason"}`;
    default:
      return progress.arrivedAt ? `Arrived at ${clock(progress.arrivedAt)}` : "Not yet";
  }
}

/** The queue's state in words, for the line at the top of the phone's screen. */
export function outboxText(waiting: number, offline: boolean): string {
  const marks = `${waiting} mark${waiting === 1 ? "" : "s"}`;
  if (waiting === 0)
    return offline ? "No signal. Marks will be kept on this phone." : "All marks sent.";
  return offline
    ? `No signal: ${marks} kept on this phone, to send when back online.`
    : `Sending ${marks}…`;
}

/** The day the phone opens on: today on the phone's own calendar. */
export function todayOnPhone(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A new mark's id, a version 4 UUID. `crypto.randomUUID` exists only in secure contexts (https
 * or localhost); `getRandomValues` everywhere, so a phone on a plain-http test server still marks.
 */
export function newMarkId(random = (bytes: Uint8Array) => crypto.getRandomValues(bytes)): string {
  const b = random(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Another organisation's runs on the crew's vehicles that the phone may not show, in words. */
export function withheldText(withheld: DriverDayView["withheld"][number]): string {
  const runs = withheld.vehicleIds.length === 1 ? "a run" : `${withheld.vehicleIds.length} runs`;
  return `${withheld.organisationName} has ${runs} on your vehicle today that this phone cannot show: ${withheld.reason}. Ask your office before you set off.`;
}
