/** Keeps `top` as the smallest costs seen so far, in increasing order (a fixed-size insertion sort). */
export function insertTop(top: Float64Array, c: number): void {
  if (c >= top[top.length - 1]!) return;
  let h = top.length - 1;
  while (h > 0 && top[h - 1]! > c) {
    top[h] = top[h - 1]!;
    h--;
  }
  top[h] = c;
}

/**
 * The score of a request whose cheapest insertions are `top`: minus the cheapest cost (greedy,
 * k = 1), or the regret-k value — how much is lost by waiting, summed over the next k − 1 choices
 * (a missing choice counts 10⁹, so requests with few options go first).
 */
export function regretScore(top: Float64Array, k: number): number {
  const c0 = top[0]!;
  if (k < 2) return -c0;
  let score = 0;
  for (let h = 1; h < k; h++) score += top[h] === Number.POSITIVE_INFINITY ? 1e9 : top[h]! - c0;
  return score;
}
