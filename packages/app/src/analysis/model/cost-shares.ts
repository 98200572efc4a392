import type { CostShares } from "./types";

export interface CostSharesInput {
  /** Funder keys, in the order the coalition masks use. */
  readonly players: readonly string[];
  /** Cost of the pooled plan (the grand coalition), pounds. */
  readonly pooledCost: number;
  /** Each funder's cost planned alone on its own fleet (its silo), pounds. */
  readonly standalone: Readonly<Record<string, number>>;
  /** Each funder's passenger-km in the pooled plan. */
  readonly passengerKm: Readonly<Record<string, number>>;
  readonly shapley: Readonly<Record<string, number>>;
  readonly method: "exact" | "sampled";
  /** Required when sampled: the standard error of each share, pounds. */
  readonly standardError?: Readonly<Record<string, number>>;
}

/** A Shapley share may exceed the funder's standalone cost by this much (1p) before it is flagged. */
export const PAYS_MORE_TOLERANCE = 0.01;

/**
 * The pooled cost split between funders three ways: the Shapley value (computed by the caller over
 * the coalitions' plans), in proportion to each funder's standalone cost, and in proportion to its
 * passenger-km in the pooled plan. Both proportional splits sum to the pooled cost (an equal split
 * when every weight is 0); the Shapley shares must too, and are refused otherwise. A funder whose
 * Shapley share is above its standalone cost by more than 1p is listed in `paysMoreThanAlone`:
 * pooling would cost it more than going alone (the share is then outside the core).
 */
export function costShares(input: CostSharesInput): CostShares {
  checkInput(input);
  const { players, pooledCost, standalone, passengerKm, shapley } = input;
  const paysMoreThanAlone = players.filter(
    (p) => shapley[p]! > standalone[p]! + PAYS_MORE_TOLERANCE,
  );
  return {
    shapley: pick(players, shapley),
    shapleyMethod: input.method,
    ...(input.method === "sampled"
      ? { shapleyStandardError: pick(players, input.standardError ?? {}) }
      : {}),
    proportionalToStandalone: proportional(players, pooledCost, standalone),
    perPassengerKm: proportional(players, pooledCost, passengerKm),
    paysMoreThanAlone,
  };
}

/** `total` split between players in proportion to `weight`, or equally when the weights sum to 0. */
export function proportional(
  players: readonly string[],
  total: number,
  weight: Readonly<Record<string, number>>,
): Record<string, number> {
  const sum = players.reduce((s, p) => s + (weight[p] ?? 0), 0);
  if (!(sum > 0)) return Object.fromEntries(players.map((p) => [p, total / players.length]));
  return Object.fromEntries(players.map((p) => [p, shareOf(total, weight[p] ?? 0, sum)]));
}

/** The smallest normal double: below it a product has lost precision (or is 0). */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * total × weight ÷ sum. The product first, as reports have always computed it; for weights so
 * tiny that the product underflows, the weight's share first, so the total is not lost.
 */
function shareOf(total: number, weight: number, sum: number): number {
  const product = total * weight;
  return Math.abs(product) >= SMALLEST_NORMAL || (product === 0 && (weight === 0 || total === 0))
    ? product / sum
    : total * (weight / sum);
}

function pick(players: readonly string[], values: Readonly<Record<string, number>>) {
  return Object.fromEntries(players.map((p) => [p, values[p]!]));
}

function checkInput(input: CostSharesInput): void {
  const { players } = input;
  if (players.length === 0) throw new Error("costShares: no funders to share the cost between");
  const tables = {
    standalone: input.standalone,
    passengerKm: input.passengerKm,
    shapley: input.shapley,
  };
  const sampled = input.method === "sampled" ? { standardError: input.standardError ?? {} } : {};
  for (const [name, table] of Object.entries({ ...tables, ...sampled })) {
    for (const p of players) {
      const value = table[p];
      if (value === undefined || !Number.isFinite(value) || (name !== "shapley" && value < 0)) {
        const expected = name === "shapley" ? "a finite number" : "a finite number ≥ 0";
        throw new Error(`costShares: ${name} of funder ${p} must be ${expected}, got ${value}`);
      }
    }
  }
  const total = players.reduce((s, p) => s + input.shapley[p]!, 0);
  const tolerance = PAYS_MORE_TOLERANCE + 1e-9 * Math.abs(input.pooledCost);
  if (Math.abs(total - input.pooledCost) > tolerance) {
    throw new Error(
      `costShares: Shapley shares sum to ${total.toFixed(2)}, not the pooled cost ${input.pooledCost.toFixed(2)}; compute them over coalition costs whose grand coalition is the pooled plan`,
    );
  }
}
