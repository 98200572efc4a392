import { stopRequest } from "../solution";
import { EPS, fmt, type RunConstraint, violation } from "./constraint";

/** Every stop starts service inside its window; breaks inside theirs. */
export const timeWindows: RunConstraint = {
  id: "time-window",
  check(run) {
    const out = [];
    const reqs = run.inst.problem.requests;
    for (let k = 0; k < run.stops.length; k++) {
      const s = run.stops[k]!;
      const node = run.nodes[k]!;
      let w: readonly [number, number];
      if (s.kind === "break") {
        const b = run.inst.breaks[node - 2 * run.inst.n]!;
        w = [b.early, b.late];
      } else {
        const r = reqs[node >> 1]!;
        w = s.kind === "pickup" ? r.pickup.window : r.dropoff.window;
      }
      const late = s.start - w[1];
      const early = w[0] - s.start;
      if (late > EPS || early > EPS) {
        const what = s.kind === "break" ? `break ${s.break}` : `${s.kind} of ${s.request}`;
        out.push(
          violation(
            "time-window",
            run,
            stopRequest(s) ? [stopRequest(s)!] : [],
            [k],
            Math.max(late, early),
            `${what} starts at ${fmt(s.start)}, outside its window [${fmt(w[0])}, ${fmt(w[1])}]`,
          ),
        );
      }
    }
    return out;
  },
};
