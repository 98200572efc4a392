import type { PlanRevisionEntryView } from "@tt/contract";

const KIND_WORDS: Record<PlanRevisionEntryView["kind"], string> = {
  planned: "Planned by the engine",
  override: "Changed by a planner",
  booking: "Trip booked",
  cancellation: "Trip cancelled",
};

/** What a revision was, in words: its kind, and the reason where one was given. */
export function revisionWhat(entry: PlanRevisionEntryView): string {
  const what = KIND_WORDS[entry.kind];
  return entry.why ? `${what}: ${entry.why.replaceAll("-", " ")}` : what;
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
