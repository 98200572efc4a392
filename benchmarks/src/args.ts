export type BenchSet = "cordeau" | "lilim";

export interface BenchArgs {
  readonly set: BenchSet;
  readonly timeLimit: number | undefined;
  readonly iterations: number | undefined;
  readonly seeds: readonly number[];
  readonly instances: readonly string[] | undefined;
  readonly label: string | undefined;
}

/** `1..5` → [1,2,3,4,5]; `1,3` → [1,3]; `7` → [7]. */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  return text.split(",").map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n)) throw new Error(`--seeds: "${s}" is not an integer`);
    return n;
  });
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const set = get("--set") ?? "cordeau";
  if (set !== "cordeau" && set !== "lilim")
    throw new Error(`--set must be cordeau or lilim, got "${set}"`);
  const t = get("--time-limit");
  const it = get("--iterations");
  const timeLimit = t === undefined ? undefined : Number(t);
  const iterations = it === undefined ? undefined : Number(it);
  if (timeLimit === undefined && iterations === undefined)
    throw new Error("give --time-limit S or --iterations N");
  const inst = get("--instances");
  return {
    set,
    timeLimit,
    iterations,
    seeds: parseSeeds(get("--seeds") ?? "1"),
    instances: inst ? inst.split(",").map((s) => s.trim()) : undefined,
    label: get("--label"),
  };
}
