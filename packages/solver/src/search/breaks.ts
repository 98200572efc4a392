import type { CompiledVehicle, Instance } from "../instance";
import type { Scheduler } from "../schedule";

/**
 * Drivers' breaks are not part of the search's routes: whenever a run is checked, its breaks are
 * placed here. A break is needed when the run overlaps its window or drives longer than its
 * `maxDrivingBefore`; each needed break goes at the first position where the run stays feasible.
 * Returns the length of the run with breaks written to `out` (the schedule stays in `scheduler`),
 * or -1 when no placement works.
 */
export function placeBreaks(
  inst: Instance,
  scheduler: Scheduler,
  v: CompiledVehicle,
  nodes: ArrayLike<number>,
  len: number,
  out: Int32Array,
  strict: boolean,
): number {
  for (let k = 0; k < len; k++) out[k] = nodes[k]!;
  const plain = scheduler.run(v, out, len, strict);
  if (v.breakNodes.length === 0) return plain ? len : -1;
  if (!plain && strict) return -1;
  let driving = 0;
  for (let k = 1; k <= len + 1; k++) driving += scheduler.t[k]!;
  const needed = v.breakNodes.filter((node) => {
    const b = inst.breaks[node - 2 * inst.n]!;
    const windowApplies =
      b.late !== Number.POSITIVE_INFINITY &&
      scheduler.startTime < b.late &&
      scheduler.endTime > b.early;
    return windowApplies || driving > b.maxDrivingBefore + 1e-9;
  });
  if (needed.length === 0) return plain ? len : -1;
  let cur = len;
  for (const b of needed) {
    let placed = false;
    for (let pos = 0; pos <= cur && !placed; pos++) {
      for (let k = cur; k > pos; k--) out[k] = out[k - 1]!;
      out[pos] = b;
      if (scheduler.run(v, out, cur + 1, true)) {
        placed = true;
      } else {
        for (let k = pos; k < cur; k++) out[k] = out[k + 1]!;
      }
    }
    if (!placed) return -1;
    cur++;
  }
  return cur;
}
