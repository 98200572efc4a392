import { type RunConstraint, violation } from "./constraint";

/** Passengers who may not share are never on board together. */
export const incompatibility: RunConstraint = {
  id: "incompatibility",
  check(run) {
    const out = [];
    const { inst } = run;
    const onBoard = new Set<number>();
    for (let k = 0; k < run.nodes.length; k++) {
      const node = run.nodes[k]!;
      if (node >= 2 * inst.n) continue;
      const r = node >> 1;
      if ((node & 1) === 1) {
        onBoard.delete(r);
        continue;
      }
      for (const o of inst.incompatible[r] ?? []) {
        if (!onBoard.has(o)) continue;
        const a = inst.problem.requests[r]!.id;
        const b = inst.problem.requests[o]!.id;
        out.push(
          violation(
            "incompatibility",
            run,
            [a, b],
            [k],
            1,
            `${a} boards while ${b} is on board; they may not share`,
          ),
        );
      }
      onBoard.add(r);
    }
    return out;
  },
};

/** A door-through-door passenger is alone on board at their pick-up and drop-off. */
export const doorThroughDoor: RunConstraint = {
  id: "door-through-door",
  check(run) {
    const out = [];
    const { inst } = run;
    const onBoard = new Set<number>();
    for (let k = 0; k < run.nodes.length; k++) {
      const node = run.nodes[k]!;
      if (node >= 2 * inst.n) continue;
      const r = node >> 1;
      const pickup = (node & 1) === 0;
      if (!pickup) onBoard.delete(r);
      if (inst.doorThroughDoor[r] === 1 && onBoard.size > 0) {
        const id = inst.problem.requests[r]!.id;
        const others = [...onBoard].map((o) => inst.problem.requests[o]!.id);
        out.push(
          violation(
            "door-through-door",
            run,
            [id, ...others],
            [k],
            onBoard.size,
            `${id} is door-through-door but ${others.join(", ")} ${others.length === 1 ? "is" : "are"} on board at the ${pickup ? "pick-up" : "drop-off"}`,
          ),
        );
      }
      if (pickup) onBoard.add(r);
    }
    return out;
  },
};
