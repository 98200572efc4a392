import { Random } from "@tt/domain";

/**
 * Shapley value of a cost game between funders. A coalition is a bitmask over the players' index
 * (bit i = players[i]); `cost(mask)` is what the coalition's pooled plan costs, and the empty
 * coalition costs 0 (it is never asked for).
 *
 * Exact: φ_i = Σ over coalitions S without i of |S|! (n − |S| − 1)! / n! × (c(S ∪ {i}) − c(S)),
 * which needs all 2^n − 1 coalitions. Sampled: the mean of i's marginal contribution over random
 * orders of the players (Castro, Gómez & Tejada 2009), with the standard error of that mean.
 */

/** Above this many players the exact method needs too many plans (2^12 − 1 = 4,095). */
export const MAX_EXACT_PLAYERS = 12;

/** Mask of the grand coalition of `n` players. */
export function grandCoalition(n: number): number {
  return 2 ** n - 1;
}

export function shapleyExact(
  players: readonly string[],
  cost: (mask: number) => number,
): Record<string, number> {
  const n = players.length;
  if (n > MAX_EXACT_PLAYERS) {
    throw new Error(
      `shapleyExact: ${n} players need ${grandCoalition(n)} coalition plans; the exact method takes at most ${MAX_EXACT_PLAYERS} players, sample orders instead`,
    );
  }
  const values = new Float64Array(2 ** n);
  for (let mask = 1; mask < values.length; mask++) values[mask] = cost(mask);
  const weight = sizeWeights(n);
  const shares = new Float64Array(n);
  for (let mask = 0; mask < values.length; mask++) {
    const size = popcount(mask);
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      shares[i]! += weight[size]! * (values[mask | bit]! - values[mask]!);
    }
  }
  return Object.fromEntries(players.map((p, i) => [p, shares[i]!]));
}

/** weight[s] = s! (n − s − 1)! / n!: the chance that a random order puts a given s-player coalition S, and no one else, before player i. */
function sizeWeights(n: number): number[] {
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
  const out: number[] = [];
  for (let s = 0; s < n; s++) out.push((factorial[s]! * factorial[n - s - 1]!) / factorial[n]!);
  return out;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

/** `count` orders of the players 0..playerCount−1, uniformly at random; the same seed, the same orders. */
export function samplePermutations(playerCount: number, count: number, seed: number): number[][] {
  if (!Number.isInteger(playerCount) || playerCount < 1 || playerCount > 30) {
    throw new Error(
      `samplePermutations: player count must be an integer 1..30, got ${playerCount}`,
    );
  }
  const random = new Random(seed);
  const out: number[][] = [];
  for (let k = 0; k < count; k++) {
    const order = Array.from({ length: playerCount }, (_, i) => i);
    for (let i = playerCount - 1; i > 0; i--) {
      const j = random.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    out.push(order);
  }
  return out;
}

/** The distinct non-empty coalitions (prefixes of the orders) the sampled method asks the cost of, ascending. */
export function coalitionMasksFor(permutations: readonly (readonly number[])[]): number[] {
  const masks = new Set<number>();
  for (const order of permutations) {
    let mask = 0;
    for (const player of order) {
      mask |= 1 << player;
      masks.add(mask);
    }
  }
  return [...masks].sort((a, b) => a - b);
}

export interface SampledShapley {
  readonly shares: Record<string, number>;
  /** Standard error of each player's mean marginal contribution (sample s.d. / √orders). */
  readonly standardError: Record<string, number>;
}

/**
 * Shapley shares estimated over sampled orders. In every order the players' marginal contributions
 * telescope to c(grand) − c(∅) = c(grand), so the shares sum exactly (up to floating point) to the
 * grand coalition's cost: efficiency holds for the estimate too; only the split carries sampling
 * error. Needs at least two orders for a standard error.
 */
export function shapleySampled(
  players: readonly string[],
  permutations: readonly (readonly number[])[],
  cost: (mask: number) => number,
): SampledShapley {
  const n = players.length;
  const k = permutations.length;
  if (k < 2) throw new Error(`shapleySampled: needs at least 2 sampled orders, got ${k}`);
  const memo = new Map<number, number>([[0, 0]]);
  const value = (mask: number): number => {
    const known = memo.get(mask);
    if (known !== undefined) return known;
    const v = cost(mask);
    memo.set(mask, v);
    return v;
  };
  // Welford's running mean and sum of squared deviations: stable even when costs carry 10^7 penalties.
  const mean = new Float64Array(n);
  const m2 = new Float64Array(n);
  permutations.forEach((order, seen) => {
    checkOrder(order, n);
    let mask = 0;
    for (const player of order) {
      const marginal = value(mask | (1 << player)) - value(mask);
      mask |= 1 << player;
      const delta = marginal - mean[player]!;
      mean[player]! += delta / (seen + 1);
      m2[player]! += delta * (marginal - mean[player]!);
    }
  });
  const shares: Record<string, number> = {};
  const standardError: Record<string, number> = {};
  players.forEach((p, i) => {
    shares[p] = mean[i]!;
    standardError[p] = Math.sqrt(m2[i]! / (k - 1) / k);
  });
  return { shares, standardError };
}

function checkOrder(order: readonly number[], n: number): void {
  const seen = new Set(order);
  if (order.length !== n || seen.size !== n || order.some((p) => !(p >= 0 && p < n))) {
    throw new Error(`shapleySampled: [${order.join(", ")}] is not an order of players 0..${n - 1}`);
  }
}
