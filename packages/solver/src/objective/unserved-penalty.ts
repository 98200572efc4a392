import type { Instance } from "../instance";

/** Sum of the penalties of the requests left unserved (mandatory ones cost 10^7 each). */
export function unservedPenalty(inst: Instance, served: ReadonlySet<number>): number {
  let total = 0;
  for (let r = 0; r < inst.n; r++) if (!served.has(r)) total += inst.penalty[r]!;
  return total;
}
