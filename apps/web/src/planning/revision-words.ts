import type { PlanRevisionEntryView } from "@tt/contract";
import { clock, pounds } from "./format";

const KIND_WORDS: Record<PlanRevisionEntryView["kind"], string> = {
  planned: "Planned by the engine",
  override: "Changed by a planner",
  booking: "Trip booked",
  cancellation: "Trip cancelled",
  "hand-back": "Contract handed back",
};

/** What a revision was, in words: its kind, and the reason where one was given. */
export function revisionWhat(entry: PlanRevisionEntryView): string {
  const what = entry.handBack
    ? `Contract ${entry.handBack.contract} handed back`
    : KIND_WORDS[entry.kind];
  if (!entry.why) return what;
  return entry.kind === "hand-back"
    ? `${what}: ${entry.why}`
    : `${what}: ${entry.why.replaceAll("-", " ")}`;
}

/**
 * What a hand-back changed, a line each: the trips moved (by reference, with their pick-ups
 * before and after), those no run could take and why, and the cost of the plan's runs.
 */
export function handBackLines(
  entry: PlanRevisionEntryView,
  vehicleName: (id: string) => string,
): string[] {
  const change = entry.handBack;
  if (!change) return [];
  const moved = change.moved.map(
    (m) =>
      `${m.reference} moved to ${vehicleName(m.toVehicle)}, picked up ${clock(m.pickupAfter)} (was ${clock(m.pickupBefore)})`,
  );
  const unplaced = change.unassigned.map((u) => `${u.reference} has no place: ${u.message}`);
  const cost = `Cost of the runs ${pounds(change.costBeforePence / 100)} before, ${pounds(change.costAfterPence / 100)} after`;
  return [...moved, ...unplaced, cost];
}

/** The runs it touched, by the names the page uses for vehicles. */
export function revisionRuns(
  entry: PlanRevisionEntryView,
  vehicleName: (id: string) => string,
): string {
  return entry.vehicles.length === 0 ? "—" : entry.vehicles.map(vehicleName).join(", ");
}

/** "24 Nov 2026, 08:15" in the reader's time zone. */
export function revisionWhen(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
