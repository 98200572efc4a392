import { fileURLToPath } from "node:url";

/** The repository's `data/` folder, resolved from this module's location. */
export function defaultDataDir(): string {
  return fileURLToPath(new URL("../../../../data", import.meta.url));
}
