// The `tt` build to run, if it is up to date. Plain JavaScript: it runs before any build exists.
// tooling/build-cli.ts writes dist/current.json: { build, inputs: { "<path from the repository>": mtimeMs } }.
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_DIST = fileURLToPath(new URL("../dist/", import.meta.url));
export const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The entry file of the current build, or undefined when there is none or a file it was made from
 * changed (a different modification time) or went away. Looks only at the files the build lists.
 */
export function currentBuild(dist = CLI_DIST, repository = REPOSITORY) {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(join(dist, "current.json"), "utf8"));
  } catch {
    return undefined;
  }
  for (const [file, mtime] of Object.entries(pointer.inputs ?? {})) {
    try {
      if (statSync(resolve(repository, file)).mtimeMs !== mtime) return undefined;
    } catch {
      return undefined;
    }
  }
  return typeof pointer.build === "string" ? join(dist, pointer.build, "tt.js") : undefined;
}
