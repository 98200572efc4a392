/**
 * Builds the `tt` command once, so that it starts without transpiling TypeScript: esbuild bundles
 * the CLI and the workspace packages it imports (`@tt/*`) into `apps/cli/dist/<build>/`, with the
 * solver's worker-thread entry beside it (the solve runner loads `solve-worker.js` next to the
 * module that starts it). Packages from node_modules stay outside the bundle and load as usual.
 *
 * `apps/cli/dist/current.json` names the newest build and every source file it was made from with
 * its modification time: `apps/cli/bin/tt.js` compares those times only (no walk of the source
 * tree) and rebuilds when one differs. Builds go to a new folder and the pointer is replaced whole,
 * so two first runs at once, or a process still running an older build, never see half a build.
 *
 *   tsx tooling/build-cli.ts [--force]      (`npm start` runs it first; `npm run build:cli` forces)
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Metafile, Plugin } from "esbuild";
import { CLI_DIST, currentBuild, REPOSITORY } from "../apps/cli/bin/current-build.js";

const ROOT = REPOSITORY;
const CLI = join(ROOT, "apps/cli");
const POINTER = join(CLI_DIST, "current.json");
/** Older builds kept for processes that may still run them (they load worker code later). */
const KEEP_BUILDS = 3;

/** What `apps/cli/bin/current-build.js` reads: keep the two in step. */
export interface BuildPointer {
  /** The build's folder, inside apps/cli/dist. */
  readonly build: string;
  /** Every source the build was made from (paths relative to the repository) and its mtime. */
  readonly inputs: Readonly<Record<string, number>>;
}

/** esbuild, as installed for tsx (a dependency of the CLI), through its JS API. */
function loadEsbuild(): typeof import("esbuild") {
  const require = createRequire(import.meta.url);
  const fromTsx = createRequire(require.resolve("tsx/package.json"));
  return fromTsx("esbuild") as typeof import("esbuild");
}

/** The solver's worker entry, wherever packages/app keeps it. */
export function findSolveWorker(dir = join(ROOT, "packages/app/src")): string {
  const found = searchFile(dir, "solve-worker.ts");
  if (!found) throw new Error(`solve-worker.ts was not found under ${relative(ROOT, dir)}`);
  return found;
}

function searchFile(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory() && entry.name !== "node_modules") {
      const found = searchFile(path, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** Bundles workspace code only: every other bare import stays an import of node_modules. */
const workspaceOnly: Plugin = {
  name: "workspace-only",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@tt/") ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * `new URL("relative/path", import.meta.url)` names a file beside the source (data, migrations, the
 * web build): it is resolved against the source file's own URL, as it was before bundling. A bare
 * `import.meta.url` (the module itself, as the solve runner uses to find its worker) stays the
 * bundle's.
 */
export const SOURCE_RELATIVE_URL =
  /new URL\(\s*(["'])([^"'`$]*)\1\s*,\s*import\.meta\.url\s*,?\s*\)/g;

export function pinSourceRelativeUrls(source: string, file: string): string {
  const href = pathToFileURL(file).href;
  return source.replace(
    SOURCE_RELATIVE_URL,
    (_match, _quote: string, path: string) =>
      `new URL(${JSON.stringify(path)}, ${JSON.stringify(href)})`,
  );
}

const sourceRelativeUrls: Plugin = {
  name: "source-relative-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return { contents: pinSourceRelativeUrls(source, args.path), loader: "ts" };
    });
  },
};

function inputTimes(metafile: Metafile): Record<string, number> {
  const inputs: Record<string, number> = {};
  const files = [...Object.keys(metafile.inputs), relative(ROOT, fileURLToPath(import.meta.url))];
  for (const file of files) inputs[file] = statSync(resolve(ROOT, file)).mtimeMs;
  return inputs;
}

/** Builds into a new folder, then points `current.json` at it. Answers the pointer. */
export async function buildCli(): Promise<BuildPointer> {
  const esbuild = loadEsbuild();
  const build = `build-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { tt: join(CLI, "src/main.ts"), "solve-worker": findSolveWorker() },
    outdir: join(CLI_DIST, build),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Chunks sit beside the entries, so `./solve-worker.js` resolves from whichever holds the runner.
    chunkNames: "[name]-[hash]",
    metafile: true,
    logLevel: "error",
    plugins: [workspaceOnly, sourceRelativeUrls],
  });
  const pointer: BuildPointer = { build, inputs: inputTimes(result.metafile) };
  const temporary = `${POINTER}.${build}`;
  writeFileSync(temporary, `${JSON.stringify(pointer)}\n`);
  renameSync(temporary, POINTER);
  removeOldBuilds(build);
  return pointer;
}

function removeOldBuilds(current: string): void {
  const builds = readdirSync(CLI_DIST)
    .filter((name) => name.startsWith("build-") && name !== current)
    .map((name) => ({ name, mtime: statSync(join(CLI_DIST, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(KEEP_BUILDS - 1)) {
    rmSync(join(CLI_DIST, old.name), { recursive: true, force: true });
  }
}

/** Builds when missing or stale (or when forced); answers whether it built and how long it took. */
export async function ensureCliBuilt(force = false): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (!force && currentBuild()) return { built: false, ms: Date.now() - started };
  await buildCli();
  return { built: true, ms: Date.now() - started };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write("Checking the tt command's build… ");
  const { built, ms } = await ensureCliBuilt(process.argv.includes("--force"));
  process.stdout.write(built ? `built in ${(ms / 1000).toFixed(1)} s\n` : "up to date\n");
}
