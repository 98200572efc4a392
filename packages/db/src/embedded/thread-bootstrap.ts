import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * The code a worker thread starts with to run `entry`. Built JavaScript is imported directly. A
 * TypeScript entry first registers the tsx loader through its API (on Node 20 a worker ignores
 * `--import tsx` for its entry file); undefined when tsx cannot be found.
 */
export function threadBootstrap(entry: URL): string | undefined {
  if (!entry.pathname.endsWith(".ts")) return `import(${JSON.stringify(entry.href)});`;
  const loader = tsxEsmApi();
  if (!loader) return undefined;
  return `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

interface TsxManifest {
  readonly exports?: Record<string, { readonly import?: { readonly default?: string } }>;
}

/** The ES module build of `tsx/esm/api` (its CommonJS build cannot be imported from ESM). */
function tsxEsmApi(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve("tsx/package.json");
    const exported = (require(manifest) as TsxManifest).exports?.["./esm/api"]?.import?.default;
    return exported ? new URL(exported, pathToFileURL(manifest)).href : undefined;
  } catch {
    return undefined;
  }
}
