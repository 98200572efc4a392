import type { Run, Solution } from "@tt/solver";
import type { PeakVehicles } from "./types";

/**
 * Vehicles out per time slot, one series per plan (funder keys and "pooled"). A vehicle is out in
 * a slot when its run (departure from the depot to return, for runs that carry a request) overlaps
 * the slot. The slots cover the day's span over every plan: from the earliest departure (rounded
 * down to a slot) to the latest return (rounded up). Times are minutes from the day's origin.
 */
export function peakVehicles(
  plans: Readonly<Record<string, Solution>>,
  slotMinutes = 15,
): PeakVehicles {
  if (!(slotMinutes > 0))
    throw new Error(`peakVehicles: slot length must be positive, got ${slotMinutes}`);
  const runs = Object.fromEntries(
    Object.entries(plans).map(([key, plan]) => [key, plan.runs.filter(carriesRequest)]),
  );
  const span = daySpan(Object.values(runs).flat(), slotMinutes);
  const count = span ? Math.round((span.to - span.from) / slotMinutes) : 0;
  const starts = Array.from({ length: count }, (_, k) => (span?.from ?? 0) + k * slotMinutes);
  const series = Object.fromEntries(
    Object.entries(runs).map(([key, list]) => [
      key,
      starts.map((t) => outDuring(list, t, t + slotMinutes)),
    ]),
  );
  return { slotMinutes, slots: starts.map(clock), series };
}

function carriesRequest(run: Run): boolean {
  return run.stops.some((s) => s.kind !== "break");
}

function daySpan(runs: readonly Run[], slot: number): { from: number; to: number } | undefined {
  if (runs.length === 0) return undefined;
  const first = Math.min(...runs.map((r) => r.start));
  const last = Math.max(...runs.map((r) => r.end));
  const from = Math.floor(first / slot) * slot;
  return { from, to: Math.max(from + slot, Math.ceil(last / slot) * slot) };
}

/** Distinct vehicles whose run overlaps [from, to). */
function outDuring(runs: readonly Run[], from: number, to: number): number {
  const out = new Set<string>();
  for (const run of runs) if (run.start < to && run.end > from) out.add(run.vehicle);
  return out.size;
}

/** "HH:MM" of minutes from the day's origin (hours may pass 24 for runs after midnight). */
function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
