import { EPS, fmt, type RunConstraint, violation } from "./constraint";

/**
 * Drivers' breaks: every break rule of a used vehicle is taken when it applies (a window the run
 * overlaps, or more driving than `maxDrivingBefore`), and driving between breaks stays under the limit.
 */
export const breaks: RunConstraint = {
  id: "breaks",
  check(run) {
    if (run.nodes.length === 0) return [];
    const { inst } = run;
    const twoN = 2 * inst.n;
    const out = [];
    const taken = new Set(run.nodes.filter((x) => x >= twoN));
    let totalDriving = run.endTravel;
    for (const t of run.travel) totalDriving += t;
    for (const node of run.vehicle.breakNodes) {
      const b = inst.breaks[node - twoN]!;
      if (taken.has(node)) continue;
      const windowApplies =
        b.late !== Number.POSITIVE_INFINITY && run.start < b.late && run.end > b.early;
      const drivingApplies = totalDriving > b.maxDrivingBefore + EPS;
      if (windowApplies || drivingApplies) {
        out.push(
          violation(
            "breaks",
            run,
            [],
            [],
            b.duration,
            `break ${b.id} (${fmt(b.duration)} min) is not scheduled`,
          ),
        );
      }
    }
    for (const node of taken) {
      const b = inst.breaks[node - twoN];
      if (!b || b.vehicle !== run.vehicle.index) {
        out.push(violation("breaks", run, [], [], 1, "the run holds a break of another vehicle"));
      }
    }
    let driving = 0;
    let limit = Number.POSITIVE_INFINITY;
    for (const node of run.vehicle.breakNodes)
      limit = Math.min(limit, inst.breaks[node - twoN]!.maxDrivingBefore);
    if (limit === Number.POSITIVE_INFINITY) return out;
    for (let k = 0; k <= run.nodes.length; k++) {
      driving += k < run.nodes.length ? run.travel[k]! : run.endTravel;
      if (driving > limit + EPS) {
        out.push(
          violation(
            "breaks",
            run,
            [],
            [Math.min(k, run.nodes.length - 1)],
            driving - limit,
            `${fmt(driving)} min of driving without a break, over the limit of ${fmt(limit)} min`,
          ),
        );
        break;
      }
      if (k < run.nodes.length && run.nodes[k]! >= twoN) driving = 0;
    }
    return out;
  },
};
