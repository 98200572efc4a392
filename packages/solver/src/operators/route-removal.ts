import type { RemovalOperator } from "./removal";
import { removeAll, servedRequests } from "./removal";

/** Empties one random run (and more if it holds fewer than q requests). */
export const routeRemoval: RemovalOperator = {
  id: "route-removal",
  supports: () => true,
  remove(ctx, state, q, rng) {
    const served = servedRequests(ctx, state);
    const used = [...new Set(served.map((x) => x.v))];
    const picked: typeof served = [];
    while (picked.length < q && used.length > 0) {
      const k = rng.int(used.length);
      const v = used[k]!;
      used.splice(k, 1);
      for (const x of served) if (x.v === v) picked.push(x);
    }
    removeAll(ctx, state, picked);
  },
};
