import { availableParallelism } from "node:os";
import { AppError } from "../shared";

/** How many day-plan solves may run at once in this process: one core is left for serving. */
export function defaultSolveCapacity(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * Admission for day-plan jobs in one process: at most one running job per organisation and at
 * most `capacity` in all. `take` throws `AppError("conflict")` (HTTP 409) when full.
 */
export class SolveSlots {
  private readonly organisations = new Set<string>();

  constructor(readonly capacity: number = defaultSolveCapacity()) {}

  /** Takes a slot for the organisation; the returned function gives it back (once). */
  take(organisationId: string): () => void {
    if (this.organisations.has(organisationId)) {
      throw new AppError(
        "conflict",
        "A day plan is already running for your organisation; wait for it to finish, then try again.",
      );
    }
    if (this.organisations.size >= this.capacity) {
      throw new AppError(
        "conflict",
        `The server is already running ${this.capacity} day plan${this.capacity === 1 ? "" : "s"}, its limit; try again in a few minutes.`,
      );
    }
    this.organisations.add(organisationId);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.organisations.delete(organisationId);
    };
  }

  /** How many slots are taken. */
  get running(): number {
    return this.organisations.size;
  }
}

/** The process-wide slots every `PlanningService` shares unless given its own. */
export const processSolveSlots = new SolveSlots();
