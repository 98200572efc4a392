import { readFile } from "node:fs/promises";
import { solveBenchmarkFile } from "@tt/solver";
import { type Command, EXIT, parseFlags, UsageError } from "../command";

const FORMATS = ["cordeau", "lilim", "json"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `
Usage: tt solve FILE [--format cordeau|lilim|json] [--time-limit S | --iterations N] [--seed N]

Plans the problem in FILE and prints the solution as JSON on stdout.
  --format       cordeau (dial-a-ride benchmark), lilim (pickup and delivery benchmark) or json
                 (a Problem document); default json
  --time-limit   stop after S seconds (default 10)
  --iterations   stop after N iterations instead: same seed and N give identical output
  --seed         random seed (default 1)
For cordeau and lilim the output has "routes" (node ids in the instance's numbering, depots
excluded, in visit order), "cost" (the benchmark objective), "vehicles" and "unassigned".
`;

function parseNumber(
  name: string,
  text: string | undefined,
  fallback?: number,
): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`--${name} must be a non-negative number, not "${text}"`);
  return value;
}

export const solveCommand: Command = {
  name: "solve",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      format: { type: "string", default: "json" },
      "time-limit": { type: "string" },
      iterations: { type: "string" },
      seed: { type: "string" },
    });
    const file = positionals[0];
    if (!file) throw new UsageError("name the problem FILE to solve");
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
    const iterations = parseNumber("iterations", values.iterations);
    const timeLimitSeconds = parseNumber(
      "time-limit",
      values["time-limit"],
      iterations === undefined ? 10 : undefined,
    );
    const seed = parseNumber("seed", values.seed, 1) ?? 1;
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
    });
    const answer = solveBenchmarkFile(text, format, { seed, timeLimitSeconds, iterations });
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    return EXIT.ok;
  },
};
