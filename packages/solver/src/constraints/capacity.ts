import { stopRequest } from "../solution";
import { EPS, type RunConstraint, violation } from "./constraint";

/** The load on board never exceeds the run's capacity layout, in any dimension. */
export const capacity: RunConstraint = {
  id: "capacity",
  check(run) {
    const layouts = run.vehicle.layouts;
    const dimsNames = run.inst.problem.dimensions;
    if (run.requestedLayout !== undefined && !layouts[run.requestedLayout]) {
      return [
        violation("capacity", run, [], [], 1, `vehicle has no layout ${run.requestedLayout}`),
      ];
    }
    const out = [];
    const cap = run.layout >= 0 ? layouts[run.layout]! : layouts[0]!;
    for (let k = 0; k < run.stops.length; k++) {
      const s = run.stops[k]!;
      for (let d = 0; d < cap.length; d++) {
        const over = s.load[d]! - cap[d]!;
        const wasOver = k > 0 && run.stops[k - 1]!.load[d]! - cap[d]! > EPS;
        if (over > EPS && !wasOver) {
          out.push(
            violation(
              "capacity",
              run,
              stopRequest(s) ? [stopRequest(s)!] : [],
              [k],
              over,
              `${s.load[d]} ${dimsNames[d]} on board after stop ${k + 1}; the layout holds ${cap[d]}`,
            ),
          );
        }
      }
    }
    return out;
  },
};
