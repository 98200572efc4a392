import {
  foldRunEvents,
  formatMinutesOfDay,
  LATE_AFTER_MINUTES,
  londonClock,
  type StopProgress,
  stopKey,
} from "@tt/domain";
import type {
  PlanRun,
  PlanRunTripStop,
  StoredCancellation,
  StoredPlan,
  StoredRunEvent,
} from "../ports";

/** Where a run stands: no stop marked yet, some, or every stop. */
export type RunState = "not-started" | "under-way" | "finished";

export interface BoardRun {
  readonly vehicleId: string;
  readonly vehicleReference: string;
  /** Planned start and end, "HH:MM". */
  readonly from: string;
  readonly to: string;
  readonly stops: number;
  /** Stops marked picked up, dropped off or no-show. */
  readonly done: number;
  readonly state: RunState;
  /** The planned time of the first stop not yet done. */
  readonly next: string | null;
  /** Minutes behind at the last stop served, when more than the late threshold. */
  readonly lateMinutes: number | null;
  readonly noShows: number;
  /** The organisation whose run it is, when the vehicle is granted to it for the day. */
  readonly forOrganisation: string | null;
}

/** Something a controller should see: a late stop, a no-show or a trip cancelled for the day. */
export interface BoardException {
  readonly kind: "late" | "no-show" | "cancelled";
  readonly tripReference: string;
  readonly vehicleReference: string | null;
  /** The planned time, "HH:MM" (null for a cancelled trip the plan no longer holds). */
  readonly planned: string | null;
  readonly minutesLate: number | null;
  /** A no-show's or cancellation's reason code. */
  readonly reason: string | null;
}

export interface StatusBoard {
  readonly serviceDate: string;
  readonly planId: string | null;
  readonly revision: number | null;
  readonly runs: readonly BoardRun[];
  readonly exceptions: readonly BoardException[];
  readonly totals: {
    readonly runs: number;
    readonly underWay: number;
    readonly finished: number;
    readonly noShows: number;
    readonly late: number;
    readonly cancelled: number;
  };
}

/** What the board is built from. */
export interface BoardSources {
  readonly serviceDate: string;
  readonly plan: StoredPlan | undefined;
  readonly vehicleReferences: ReadonlyMap<string, string>;
  readonly tripReferences: ReadonlyMap<string, string>;
  readonly events: readonly StoredRunEvent[];
  readonly cancellations: readonly StoredCancellation[];
  /** Whose runs they are, when another organisation's (on vehicles granted to it). */
  readonly forOrganisation?: string;
}

/** Minutes after the planned time the stop was served (on the day, by British clocks). */
function minutesLate(stop: PlanRunTripStop, progress: StopProgress, date: string): number | null {
  const at = progress.arrivedAt ?? progress.outcomeAt;
  if (!at) return null;
  const clock = londonClock(at);
  return clock.date === date ? clock.minutes - Math.round(stop.start) : null;
}

interface RunReading {
  readonly run: BoardRun;
  readonly exceptions: BoardException[];
}

function readRun(run: PlanRun, sources: BoardSources, progress: Map<string, StopProgress>) {
  const vehicleReference = sources.vehicleReferences.get(run.vehicleId) ?? run.vehicleId;
  const stops = run.stops.flatMap((s) => (s.kind === "break" ? [] : [s]));
  const exceptions: BoardException[] = [];
  let done = 0;
  let next: string | null = null;
  let lastLate: number | null = null;
  for (const stop of stops) {
    // A no-show's drop-off will not happen: it counts as done with its pick-up.
    const pickup = progress.get(stopKey(stop.tripRequestId, "pickup"));
    const p =
      stop.kind === "dropoff" && pickup?.outcome === "no-show"
        ? pickup
        : progress.get(stopKey(stop.tripRequestId, stop.kind));
    const tripReference = sources.tripReferences.get(stop.tripRequestId) ?? stop.tripRequestId;
    const planned = formatMinutesOfDay(stop.start);
    const base = { tripReference, vehicleReference, planned };
    if (!p?.outcome) {
      next ??= planned;
      continue;
    }
    done += 1;
    const late =
      p === pickup && stop.kind === "dropoff" ? null : minutesLate(stop, p, sources.serviceDate);
    if (late !== null) lastLate = late;
    if (late !== null && late > LATE_AFTER_MINUTES) {
      exceptions.push({ ...base, kind: "late", minutesLate: late, reason: null });
    }
    if (p.outcome === "no-show" && stop.kind === "pickup") {
      exceptions.push({ ...base, kind: "no-show", minutesLate: null, reason: p.reason });
    }
  }
  const first = stops[0];
  const last = stops.at(-1);
  const reading: RunReading = {
    run: {
      vehicleId: run.vehicleId,
      vehicleReference,
      from: first ? formatMinutesOfDay(first.start) : "",
      to: last ? formatMinutesOfDay(last.start) : "",
      stops: stops.length,
      done,
      state: done === 0 ? "not-started" : done === stops.length ? "finished" : "under-way",
      next,
      lateMinutes: lastLate !== null && lastLate > LATE_AFTER_MINUTES ? lastLate : null,
      noShows: exceptions.filter((e) => e.kind === "no-show").length,
      forOrganisation: sources.forOrganisation ?? null,
    },
    exceptions,
  };
  return reading;
}

function cancelledException(c: StoredCancellation, sources: BoardSources): BoardException {
  return {
    kind: "cancelled",
    tripReference: sources.tripReferences.get(c.tripRequestId) ?? c.tripRequestId,
    vehicleReference: null,
    planned: null,
    minutesLate: null,
    reason: c.reason,
  };
}

/**
 * The day's operating plan as it is running: each run's progress from the events marked, and the
 * exceptions (late stops, no-shows with their reasons, trips cancelled for the day). Names no
 * passenger: trips by reference only.
 */
export function buildStatusBoard(sources: BoardSources): StatusBoard {
  const progress = foldRunEvents(sources.events);
  const readings = (sources.plan?.runs ?? []).map((r) => readRun(r, sources, progress));
  const runs = readings.map((r) => r.run);
  const exceptions = [
    ...readings.flatMap((r) => r.exceptions),
    ...sources.cancellations.map((c) => cancelledException(c, sources)),
  ];
  const count = (kind: BoardException["kind"]) => exceptions.filter((e) => e.kind === kind).length;
  return {
    serviceDate: sources.serviceDate,
    planId: sources.plan?.id ?? null,
    revision: sources.plan?.revision ?? null,
    runs,
    exceptions,
    totals: {
      ...runTotals(runs),
      noShows: count("no-show"),
      late: count("late"),
      cancelled: count("cancelled"),
    },
  };
}

function runTotals(runs: readonly BoardRun[]) {
  return {
    runs: runs.length,
    underWay: runs.filter((r) => r.state === "under-way").length,
    finished: runs.filter((r) => r.state === "finished").length,
  };
}

/**
 * The board with other organisations' runs on the organisation's granted vehicles added: their
 * progress only, counted in the runs' totals; their exceptions (trips by reference) stay on those
 * organisations' boards.
 */
export function withGrantedRuns(board: StatusBoard, granted: readonly BoardRun[]): StatusBoard {
  if (granted.length === 0) return board;
  const runs = [...board.runs, ...granted];
  return { ...board, runs, totals: { ...board.totals, ...runTotals(runs) } };
}
