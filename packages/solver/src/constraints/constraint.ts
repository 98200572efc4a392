import type { RunView } from "../run-view";
import type { Violation } from "../solution";

/** A hard constraint checked on one scheduled run. One file per constraint; see `index.ts`. */
export interface RunConstraint {
  readonly id: string;
  check(run: RunView): Violation[];
}

export const EPS = 1e-6;

export function violation(
  constraint: string,
  run: RunView,
  requests: readonly string[],
  stops: readonly number[],
  amount: number,
  message: string,
): Violation {
  return { constraint, vehicle: run.vehicle.vehicle.id, requests, stops, amount, message };
}

export const fmt = (x: number): string => (Math.round(x * 100) / 100).toString();
