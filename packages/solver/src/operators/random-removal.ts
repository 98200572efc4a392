import type { RemovalOperator } from "./removal";
import { removeAll, servedRequests } from "./removal";

/** Removes q requests chosen uniformly at random. */
export const randomRemoval: RemovalOperator = {
  id: "random-removal",
  supports: () => true,
  remove(ctx, state, q, rng) {
    const served = servedRequests(ctx, state);
    const picked: typeof served = [];
    while (picked.length < q && served.length > 0) {
      const k = rng.int(served.length);
      picked.push(served[k]!);
      served[k] = served[served.length - 1]!;
      served.pop();
    }
    removeAll(ctx, state, picked);
  },
};
