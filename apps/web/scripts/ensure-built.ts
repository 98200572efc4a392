/**
 * Builds the web app when its build is missing or older than its sources (the app's own files,
 * the contract it bundles, the district boundaries). `npm start` runs it first, so a fresh clone
 * serves the app; an up-to-date build is left alone and costs only a look at file times.
 *
 *   tsx apps/web/scripts/ensure-built.ts [--force]
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WEB = fileURLToPath(new URL("..", import.meta.url));
const ROOT = join(WEB, "../..");
const INDEX = join(WEB, "dist/index.html");

/** What the build is made from: a change to any of these makes the build stale. */
const SOURCES = [
  join(WEB, "src"),
  join(WEB, "index.html"),
  join(WEB, "public"),
  join(WEB, "vite.config.ts"),
  join(WEB, "package.json"),
  join(ROOT, "packages/contract/src"),
  join(ROOT, "packages/domain/src"),
  join(ROOT, "data/districts.geojson"),
];

/** The newest modification time under a file or folder, in milliseconds (0 when absent). */
export function newestChange(path: string): number {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** True when dist/index.html is missing or older than any source. */
export function isStale(): boolean {
  const built = newestChange(INDEX);
  return built === 0 || SOURCES.some((source) => newestChange(source) > built);
}

/** Builds with Vite when stale (or when forced); answers whether it built and how long it took. */
export async function ensureWebBuilt(force = false): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (!force && !isStale()) return { built: false, ms: Date.now() - started };
  const { build } = await import("vite");
  await build({ configFile: join(WEB, "vite.config.ts"), logLevel: "error" });
  return { built: true, ms: Date.now() - started };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes("--force");
  process.stdout.write("Checking the web app's build… ");
  const { built, ms } = await ensureWebBuilt(force);
  process.stdout.write(built ? `built in ${(ms / 1000).toFixed(1)} s\n` : "up to date\n");
}
