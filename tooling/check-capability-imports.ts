/**
 * Lint rule for packages/app (ARCHITECTURE.md): a capability imports another capability only
 * through its `index.ts`, never its inner files. Capabilities are the top-level folders of
 * packages/app/src. The package's own `index.ts` re-exports by name (`export *` would publish every
 * inner name of every capability). Prints every offending line with file and line, and exits 1
 * when any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../packages/app/src");
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']*)["']/g;

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** The capability folder a path lies in ("" for files at the top of src). */
function capabilityOf(path: string): string {
  const parts = relative(root, path).split(sep);
  return parts.length > 1 ? (parts[0] ?? "") : "";
}

/** The file an import specifier names, or undefined when it names nothing on disk. */
function target(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")];
  return candidates.find((candidate) => existsSync(candidate));
}

/** Offending imports in one file, as "file:line: message". */
export function violations(file: string, text: string): string[] {
  const mine = capabilityOf(file);
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? "";
    const to = target(file, specifier);
    if (!to) continue;
    const theirs = capabilityOf(to);
    if (theirs === "" || theirs === mine) continue;
    if (to === join(root, theirs, "index.ts")) continue;
    const line = text.slice(0, match.index).split("\n").length;
    found.push(
      `${relative(process.cwd(), file)}:${line}: imports "${specifier}", inside capability "${theirs}"; import "${theirs}" through its index.ts`,
    );
  }
  return found;
}

/** `export *` lines in the package's own index.ts, as "file:line: message". */
export function starExports(file: string, text: string): string[] {
  return text
    .split("\n")
    .flatMap((line, index) =>
      /^\s*export\s*\*/.test(line)
        ? [
            `${relative(process.cwd(), file)}:${index + 1}: @tt/app re-exports by name, not "export *"`,
          ]
        : [],
    );
}

const packageIndex = join(root, "index.ts");
const found = [
  ...sources(root).flatMap((file) => violations(file, readFileSync(file, "utf8"))),
  ...starExports(packageIndex, readFileSync(packageIndex, "utf8")),
];
for (const line of found) console.error(line);
if (found.length > 0) {
  console.error(
    `${found.length} line(s) break the layout rules of packages/app (ARCHITECTURE.md).`,
  );
  process.exit(1);
}
console.log("capability imports: ok");
