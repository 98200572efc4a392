import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assertValidProblem, evaluate, type Solution, solve } from "../src/index";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "scenarios");
const update = process.env.UPDATE === "1";

/** The human-checkable part of a solution: stop order per vehicle, unserved reasons, total cost. */
function summary(s: Solution) {
  return {
    runs: s.runs.map((r) => ({
      vehicle: r.vehicle,
      layout: r.layout,
      stops: r.stops.map((x) =>
        x.kind === "break" ? `break ${x.break}` : `${x.kind} ${x.request}`,
      ),
    })),
    unassigned: s.unassigned.map((u) => ({ request: u.request, reason: u.reason })),
    cost: Math.round(s.cost.total * 100) / 100,
  };
}

describe("golden scenarios (UPDATE=1 regenerates expected.json)", () => {
  for (const name of readdirSync(dir).filter((f) =>
    existsSync(path.join(dir, f, "problem.json")),
  )) {
    it(name, () => {
      const problem = assertValidProblem(
        JSON.parse(readFileSync(path.join(dir, name, "problem.json"), "utf8")),
      );
      const solution = solve(problem, { seed: 1, iterations: 200 });
      expect(evaluate(problem, solution).violations).toEqual([]);
      const got = summary(solution);
      const file = path.join(dir, name, "expected.json");
      if (update || !existsSync(file)) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      expect(got).toEqual(JSON.parse(readFileSync(file, "utf8")));
    });
  }
});
