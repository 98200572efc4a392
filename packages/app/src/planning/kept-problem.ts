import { type Problem, validateProblem } from "@tt/solver";
import type { KeptProblem, KeptProblemChain, TravelTimeProvider } from "../ports";
import { AppError } from "../shared";
import type { BuiltProblem } from "./build-problem";
import { LiveProblem } from "./live/live-problem";
import { buildMatrices } from "./locations";
import { rememberIn } from "./recently-used";

/** Problems up to this many locations are kept whole; larger ones without their matrices. */
export const MAX_WHOLE_LOCATIONS = 800;

/**
 * The Problem as the plan keeps it: whole when small; above `MAX_WHOLE_LOCATIONS` locations its
 * matrices (tens of MB for a county day) are left out and each location's point kept instead,
 * with the name of the travel times that made them.
 */
export function keepProblem(
  built: BuiltProblem,
  travelTimes: string,
  maxWhole = MAX_WHOLE_LOCATIONS,
): KeptProblem {
  const { problem } = built;
  const at = { travelTimes, points: built.points };
  if (problem.locations.length <= maxWhole) return { kind: "whole", problem, at };
  const { matrices: _left, ...fields } = problem;
  return { kind: "points", problem: fields, at };
}

/**
 * The kept Problem whole again: its matrices made again from its points by the same travel times
 * (which give the same matrices for the same points), then checked by the engine's validator.
 * Refuses, saying why, when the server now uses other travel times.
 */
export async function restoreProblem(
  kept: KeptProblem,
  travelTimes: TravelTimeProvider,
): Promise<Problem> {
  if (kept.kind === "whole") return kept.problem;
  if (kept.at.travelTimes !== travelTimes.name) {
    throw new AppError(
      "conflict",
      `The plan was made with the ${kept.at.travelTimes} travel times and the server now uses ${travelTimes.name}, so its Problem cannot be made again as it was: plan the day again.`,
    );
  }
  const { matrices } = await buildMatrices(travelTimes, kept.at.points);
  const checked = validateProblem({ ...kept.problem, matrices });
  if (!checked.ok) {
    const first = checked.issues[0];
    throw new Error(`a kept Problem is out of shape: ${first?.path}: ${first?.message}`);
  }
  return checked.problem;
}

const keyOf = (organisationId: string, planId: string) => `${organisationId}\u0000${planId}`;

/** Problems made whole again kept in memory at once, by default (a county day's is ~70 MB). */
export const RESTORED_PROBLEMS_KEPT = 2;

/**
 * Plans' Problems made whole again (`restoreProblem`) with what bookings added (`LiveProblem`),
 * kept in memory for the plans changed most recently: the next check of the same plan, or of its
 * next revision, starts at once instead of making its matrices again. A kept Problem is held once
 * however many revisions share it. Keyed by organisation and plan; the least recently used goes
 * first.
 */
export class RestoredProblems {
  private readonly entries = new Map<string, Promise<LiveProblem | undefined>>();
  private readonly kept = new Map<string, Promise<Problem>>();

  constructor(
    private readonly travelTimes: TravelTimeProvider,
    private readonly capacity = RESTORED_PROBLEMS_KEPT,
  ) {}

  /** Plan `to` (a revision of `from`) has the same Problem: keep it for `to` too, if held. */
  share(organisationId: string, from: string, to: string): void {
    const found = this.entries.get(keyOf(organisationId, from));
    if (found) this.remember(keyOf(organisationId, to), found);
  }

  /** Plan `planId` has this live Problem (a booking's revision, made just now). */
  hold(organisationId: string, planId: string, live: LiveProblem): void {
    this.remember(keyOf(organisationId, planId), Promise.resolve(live));
  }

  /** The plan's Problem whole, reading it with `read` only when it is not in memory. */
  async get(
    organisationId: string,
    planId: string,
    read: () => Promise<KeptProblemChain | undefined>,
  ): Promise<LiveProblem | undefined> {
    const key = keyOf(organisationId, planId);
    const found = this.entries.get(key);
    if (found) {
      this.remember(key, found);
      return found;
    }
    const made = read().then((chain) => chain && this.live(organisationId, chain));
    this.remember(key, made);
    made.catch(() => this.entries.delete(key));
    return made;
  }

  private async live(organisationId: string, chain: KeptProblemChain): Promise<LiveProblem> {
    const key = keyOf(organisationId, chain.keptBy);
    let base = this.kept.get(key);
    if (!base) {
      base = restoreProblem(chain.kept, this.travelTimes);
      base.catch(() => this.kept.delete(key));
    }
    // The kept Problems most recently used, as many as the plans held (revisions share one).
    rememberIn(this.kept, key, base, this.capacity);
    return LiveProblem.withAdditions(await base, chain.kept.at, chain.additions, this.travelTimes);
  }

  /** Keeps the entry as the most recently used, dropping the least recently used beyond capacity. */
  private remember(key: string, entry: Promise<LiveProblem | undefined>): void {
    rememberIn(this.entries, key, entry, this.capacity);
  }
}
