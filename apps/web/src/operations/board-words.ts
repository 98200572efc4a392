import { CANCELLATION_REASONS, NO_SHOW_REASONS, type StatusBoardView } from "@tt/contract";

type BoardRun = StatusBoardView["runs"][number];
type BoardException = StatusBoardView["exceptions"][number];

const STATES: Record<BoardRun["state"], string> = {
  "not-started": "Not started",
  "under-way": "Under way",
  finished: "Finished",
};

/** A run's progress in words: "Under way, 3 of 8 stops, 12 min late". */
export function runProgressText(run: BoardRun): string {
  const parts = [STATES[run.state], `${run.done} of ${run.stops} stops`];
  if (run.lateMinutes !== null) parts.push(`${run.lateMinutes} min late`);
  return parts.join(", ");
}

/** The run's vehicle, and whose run it is when another organisation's: "CAB-7, for the county". */
export function runVehicleText(run: Pick<BoardRun, "vehicleReference" | "forOrganisation">) {
  return run.forOrganisation
    ? `${run.vehicleReference}, for ${run.forOrganisation}`
    : run.vehicleReference;
}

const noShowLabel = (code: string) =>
  Object.entries(NO_SHOW_REASONS).find(([key]) => key === code)?.[1] ?? code;

/** An exception in words: what happened, and why when a reason was given. */
export function exceptionText(e: BoardException): string {
  switch (e.kind) {
    case "late":
      return `Late: ${e.minutesLate ?? "?"} min after ${e.planned ?? "the planned time"}`;
    case "no-show":
      return `No-show: ${e.reason ? noShowLabel(e.reason) : "no reason"}`;
    case "cancelled": {
      const label = e.reason
        ? Object.entries(CANCELLATION_REASONS).find(([key]) => key === e.reason)?.[1].label
        : undefined;
      return `Cancelled for the day: ${label ?? e.reason ?? "no reason"}`;
    }
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The day in one line: "12 runs: 3 under way, 1 finished; 1 no-show, 0 late stops, 2 cancelled trips." */
export function totalsText(t: StatusBoardView["totals"]): string {
  return `${count(t.runs, "run")}: ${t.underWay} under way, ${t.finished} finished; ${count(t.noShows, "no-show")}, ${count(t.late, "late stop")}, ${count(t.cancelled, "cancelled trip")}.`;
}
