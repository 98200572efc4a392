import { EPS, fmt, type RunConstraint, violation } from "./constraint";

/** The run leaves and returns inside the vehicle's shift and lasts at most its maximum duration. */
export const shift: RunConstraint = {
  id: "shift",
  check(run) {
    if (run.nodes.length === 0) return [];
    const v = run.vehicle;
    const out = [];
    if (run.start < v.shiftStart - EPS) {
      out.push(
        violation(
          "shift",
          run,
          [],
          [],
          v.shiftStart - run.start,
          `run starts at ${fmt(run.start)}, before the shift starts at ${fmt(v.shiftStart)}`,
        ),
      );
    }
    if (run.end > v.shiftEnd + EPS) {
      out.push(
        violation(
          "shift",
          run,
          [],
          [run.stops.length - 1],
          run.end - v.shiftEnd,
          `run ends at ${fmt(run.end)}, after the shift ends at ${fmt(v.shiftEnd)}`,
        ),
      );
    }
    const duration = run.end - run.start;
    if (duration > v.maxDuration + EPS) {
      out.push(
        violation(
          "max-duration",
          run,
          [],
          [],
          duration - v.maxDuration,
          `run lasts ${fmt(duration)} min, over the maximum of ${fmt(v.maxDuration)} min`,
        ),
      );
    }
    return out;
  },
};
