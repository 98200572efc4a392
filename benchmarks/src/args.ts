export type BenchSet = "cordeau" | "lilim";

export interface BenchArgs {
  readonly set: BenchSet;
  readonly timeLimit: number | undefined;
  readonly iterations: number | undefined;
  readonly seeds: readonly number[];
  readonly instances: readonly string[] | undefined;
  readonly label: string | undefined;
}

const FLAGS = ["--set", "--time-limit", "--iterations", "--seeds", "--instances", "--label"];

/** `1..5` → [1,2,3,4,5]; `1,3` → [1,3]; `7` → [7]. */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b < a) throw new Error(`--seeds: empty range "${text}"`);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  return text.split(",").map((s) => {
    const n = Number(s);
    if (s.trim() === "" || !Number.isInteger(n))
      throw new Error(`--seeds: "${s}" is not an integer`);
    return n;
  });
}

/** Every argument is a known flag followed by its value: a typo fails before any run starts. */
function readFlags(argv: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    if (!FLAGS.includes(flag))
      throw new Error(`unknown argument "${flag}"; expected one of ${FLAGS.join(", ")}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    if (values.has(flag)) throw new Error(`${flag} is given twice`);
    values.set(flag, value);
  }
  return values;
}

function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0)
    throw new Error(`${flag} must be a positive number, got "${text}"`);
  return x;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const flags = readFlags(argv);
  const set = flags.get("--set") ?? "cordeau";
  if (set !== "cordeau" && set !== "lilim")
    throw new Error(`--set must be cordeau or lilim, got "${set}"`);
  const timeLimit = positive("--time-limit", flags.get("--time-limit"));
  const iterations = positive("--iterations", flags.get("--iterations"));
  if (iterations !== undefined && !Number.isInteger(iterations))
    throw new Error(`--iterations must be a whole number, got "${flags.get("--iterations")}"`);
  if (timeLimit === undefined && iterations === undefined)
    throw new Error("give --time-limit S or --iterations N");
  const inst = flags.get("--instances");
  return {
    set,
    timeLimit,
    iterations,
    seeds: parseSeeds(flags.get("--seeds") ?? "1"),
    instances: inst
      ? inst
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "")
      : undefined,
    label: flags.get("--label"),
  };
}

/**
 * The instances to run, checked against those that exist before anything is solved: unknown
 * names fail at once, naming them and listing the valid ones. Without `requested`, all of them.
 */
export function selectInstances(
  set: BenchSet,
  requested: readonly string[] | undefined,
  available: readonly string[],
): string[] {
  if (requested === undefined) return available.slice();
  const known = new Set(available);
  const unknown = requested.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `--instances: unknown ${set} instance${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; ` +
        `valid names: ${available.join(", ")}`,
    );
  }
  const repeated = requested.filter((name, i) => requested.indexOf(name) !== i);
  if (repeated.length > 0) throw new Error(`--instances: ${repeated.join(", ")} listed twice`);
  return requested.slice();
}
