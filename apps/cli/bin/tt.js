#!/usr/bin/env node
// Entry shim: runs the bundled `tt` (apps/cli/dist), building it first when it is missing or a
// source changed since (tooling/build-cli.ts; `npm start` builds it beforehand).
import { pathToFileURL } from "node:url";
import { currentBuild } from "./current-build.js";

let entry = currentBuild();
if (!entry) {
  process.stderr.write("Building the tt command (once, or after a source change)… ");
  const { register } = await import("tsx/esm/api");
  register();
  const { ensureCliBuilt } = await import("../../../tooling/build-cli.ts");
  const { ms } = await ensureCliBuilt();
  process.stderr.write(`done in ${(ms / 1000).toFixed(1)} s\n`);
  entry = currentBuild();
  if (!entry) throw new Error("the tt build was made but is not current: is the clock right?");
}
await import(pathToFileURL(entry).href);
