/** Requests a run carries: its pick-up nodes (even node ids below `2n`). */
export function tripsOn(n: number, nodes: ArrayLike<number>, len: number): number {
  let trips = 0;
  for (let k = 0; k < len; k++) if (nodes[k]! < 2 * n && (nodes[k]! & 1) === 0) trips++;
  return trips;
}
