import type { Locator, Page } from "playwright-core";

/** The page's document, as far as these tests look at it (the repo type-checks without DOM). */
interface Element {
  matches(selector: string): boolean;
  closest(selector: string): Element | null;
  value?: string;
  selectedOptions?: { textContent: string | null }[];
}
interface Style {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  backgroundColor: string;
}
interface Browser {
  document: { activeElement: Element | null };
  getComputedStyle(element: Element): Style;
}
// Functions passed to page.evaluate run in the browser: they name `globalThis` themselves.

/** True when the focused element matches `selector`. */
export function isFocused(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    (s) => (globalThis as unknown as Browser).document.activeElement?.matches(s) ?? false,
    selector,
  );
}

/** Presses Tab until the focused element matches `selector`, failing after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press("Tab");
    if (await isFocused(page, selector)) return;
  }
  throw new Error(`${selector} was not reached with the Tab key in ${max} presses`);
}

/** Presses Shift+Tab until the focused element matches `selector`, failing after `max`. */
export async function tabBackTo(page: Page, selector: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press("Shift+Tab");
    if (await isFocused(page, selector)) return;
  }
  throw new Error(`${selector} was not reached with Shift+Tab in ${max} presses`);
}

/**
 * Opens a page from the menu by keyboard: Shift+Tab back to its link in the menu (the menu comes
 * before the main content), Enter; focus then starts at the new page's main content.
 */
export async function openFromMenu(page: Page, href: string, heading: string): Promise<void> {
  await tabBackTo(page, `nav[aria-label="Menu"] a[href="${href}"]`, 250);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
  if (!(await isFocused(page, "#main-content"))) {
    throw new Error(`focus did not move to the main content of ${href}`);
  }
}

/** Tabs to a text input, then replaces what it holds by typing. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

/** Types into each field in turn, in the order given, reaching each with the Tab key. */
export async function typeEach(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [selector, text] of Object.entries(fields)) await typeInto(page, selector, text);
}

/**
 * Whether the focused element shows focus as GOV.UK Frontend draws it: an outline, a shadow or
 * the yellow background. The map's canvas shows it on the map around it.
 */
export function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as Browser;
    const focused = document.activeElement;
    if (!focused) return false;
    const s = getComputedStyle(focused.closest(".app-map") ?? focused);
    const outline =
      s.outlineStyle !== "none" &&
      Number.parseFloat(s.outlineWidth) > 0 &&
      s.outlineColor !== "rgba(0, 0, 0, 0)";
    return outline || s.boxShadow !== "none" || s.backgroundColor === "rgb(255, 221, 0)";
  });
}

/** The text of the focused select's chosen option. */
export function chosenText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as Browser).document.activeElement?.selectedOptions?.[0]
        ?.textContent ?? "",
  );
}

/** On a focused select, moves down with the arrow key until `text` is chosen. */
export async function chooseByKeys(page: Page, text: string, max = 200): Promise<void> {
  await page.keyboard.press("Home");
  for (let i = 0; i < max; i += 1) {
    if ((await chosenText(page)) === text) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`"${text}" was not reached with the arrow keys`);
}

/**
 * Waits for what a finished job shows (`result`). If it does not come, the error says what the
 * page's job status reads and ends with the server's last output, so that a failure in a busy
 * run explains itself.
 */
export async function waitForJobResult(
  page: Page,
  result: Locator,
  timeout: number,
  serverOutput: () => string,
): Promise<void> {
  try {
    await result.waitFor({ timeout });
  } catch (error) {
    const status = await page
      .getByTestId("job-status")
      .textContent({ timeout: 1000 })
      .catch(() => "(no job status on the page)");
    throw new Error(
      `the job's result did not appear within ${timeout} ms; the page says: ${status}\n` +
        `server output (last 1,500 characters):\n${serverOutput().slice(-1500)}`,
      { cause: error },
    );
  }
}
