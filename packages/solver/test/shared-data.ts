import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** `../shared/benchmarks` beside the repository; tests that need it skip cleanly without it. */
export const sharedBenchmarks = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../shared/benchmarks",
);
export const hasShared = existsSync(path.join(sharedBenchmarks, "darp-cordeau", "a2-16.txt"));
