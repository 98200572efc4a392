import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadDistricts } from "./load-districts";
import { loadLsoas } from "./load-lsoas";
import { loadSchools, SCHOOLS_FILE } from "./load-schools";
import { OpenDataError } from "./open-data-error";

const dir = await mkdtemp(join(tmpdir(), "tt-open-data-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Copies a shipped file into the temporary folder after editing one line. */
async function withEditedLine(file: string, line: number, edit: (text: string) => string) {
  const lines = (await readFile(join(defaultDataDir(), file), "utf8")).split("\n");
  lines[line] = edit(lines[line] ?? "");
  await writeFile(join(dir, file), lines.join("\n"));
}

describe("open-data validation", () => {
  it("resolves the repository data folder", () => {
    expect(existsSync(join(defaultDataDir(), "README.md"))).toBe(true);
  });

  it("names file, row and column for a bad value", async () => {
    await withEditedLine(SCHOOLS_FILE, 2, (l) =>
      l.replace(/,(primary|secondary|unknown|post-16),/, ",middle,"),
    );
    const error = await loadSchools(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenDataError);
    expect(String(error)).toMatch(/schools-derived-from-naptan\.csv, row 2, column "phase"/);
  });

  it("rejects a coordinate outside Great Britain", async () => {
    await withEditedLine("lsoa.csv", 5, (l) => l.replace(/,52\.\d+,/, ",12.5,"));
    await expect(loadLsoas(dir)).rejects.toThrow(/lsoa\.csv, row 5, column "lat"/);
  });

  it("rejects a missing column", async () => {
    await withEditedLine("lsoa.csv", 0, (l) => l.replace("rural", "urban_or_rural"));
    await expect(loadLsoas(dir)).rejects.toThrow(/column "rural": column missing/);
  });

  it("rejects a district without a valid code", async () => {
    await withEditedLine("districts.geojson", 0, (l) => l.replace('"E07000009"', '"X1"'));
    await expect(loadDistricts(dir)).rejects.toThrow(/districts\.geojson, row 2, column "LAD22CD"/);
  });
});
