import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { ROOT } from "./demo-server";

/** Debian's chromium: the browser tests drive it, since no browser can be downloaded. */
export const CHROMIUM = process.env.TT_CHROMIUM ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const NO_CHROMIUM_MESSAGE = `Browser tests skipped: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install -y --no-install-recommends chromium) to run them.`;

export const ARTIFACTS = join(ROOT, "e2e/artifacts/web");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root in a container has no sandbox; SwiftShader gives the map WebGL without a GPU.
    args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core in the page; answers the serious and critical violations (WCAG 2.2 A and AA). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not
  // govern: an injected <script> tag is (rightly) refused by the web app's policy.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Checks a page with axe-core and keeps a screenshot of it. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([]);
}

/** A places file with one good row and one bad one (line 3: a latitude that is not a number). */
export function placesCsv(stamp: string): string {
  return [
    "reference,name,kind,lat,lon,postcode",
    `E2E-${stamp}-1,Browser Test Primary,school,52.2053,0.1218,CB2 1TN`,
    `E2E-${stamp}-2,Browser Test Clinic,hospital,north,0.1218,CB2 0QQ`,
  ].join("\n");
}
