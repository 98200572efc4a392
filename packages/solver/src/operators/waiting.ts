import type { SearchContext } from "../search/context";
import { bestInsertion, type InsertionResult, RouteCache } from "./insertion-eval";

/*
 * Requests left waiting: unserved, although some vehicle could serve them alone. On a county the
 * peak can be full enough to leave some of them out; the search's ejection chains and waiting
 * removals work on them.
 */

const ALONE = new WeakMap<SearchContext, Int8Array>();

/**
 * Whether some vehicle could serve request r alone (an empty run of one vehicle per class), at any
 * cost. A request no vehicle can serve alone cannot join any run: it is never worth retrying.
 */
export function servableAlone(ctx: SearchContext, r: number): boolean {
  const inst = ctx.inst;
  let known = ALONE.get(ctx);
  if (!known) {
    known = new Int8Array(inst.n).fill(-1);
    ALONE.set(ctx, known);
  }
  if (known[r] !== -1) return known[r] === 1;
  const V = inst.vehicles.length;
  const seen = new Set<number>();
  const cache = new RouteCache();
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  let ok = false;
  for (let v = 0; v < V && !ok; v++) {
    if (inst.allowed[r * V + v] === 0 || seen.has(ctx.vehicleClass[v]!)) continue;
    seen.add(ctx.vehicleClass[v]!);
    cache.prepare(ctx, inst.vehicles[v]!, [], 0);
    bestInsertion(ctx, cache, r, res);
    ok = res.delta < Number.POSITIVE_INFINITY;
  }
  known[r] = ok ? 1 : 0;
  return ok;
}

/** Whether s's time on board can overlap r's journey (else taking s out makes no room for r). */
export function overlaps(ctx: SearchContext, r: number, s: number): boolean {
  const { early, late } = ctx.inst;
  return early[2 * s]! <= late[2 * r + 1]! && early[2 * r]! <= late[2 * s + 1]!;
}
