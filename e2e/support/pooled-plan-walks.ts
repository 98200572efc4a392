import type { Page } from "playwright-core";
import { expect } from "vitest";

const menuLink = (page: Page, text: string) =>
  page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: text });

/** The demo's pooled planning day: Cambridgeshire's and the ICB's ~4,170 trips together. */
export const POOLED_DAY = { iso: "2026-11-24", day: "24", month: "11", year: "2026" } as const;

/**
 * As the partnership's commissioner, starts the day plan with the smallest time limit the form
 * takes (1 second: the engine's first solution), opens it, and finds the members it pooled under
 * their agreements, those it left out, and no manifest link. Answers the plan's address.
 */
export async function planPooledDay(page: Page): Promise<string> {
  await menuLink(page, "Planning").click();
  await page.getByRole("heading", { name: "Planning", level: 1 }).waitFor();
  await page.getByLabel("Date", { exact: true }).fill(POOLED_DAY.iso);
  await page.getByLabel("Time limit, in seconds").fill("1");
  await page.getByRole("button", { name: "Start planning" }).click();
  await page.getByTestId("job-percent").filter({ hasText: "100%" }).waitFor({ timeout: 120_000 });
  expect(await page.getByTestId("job-status").textContent()).toContain("The plan is ready.");
  await page.getByTestId("open-plan").click();
  const members = page.getByTestId("pool-members");
  await members.waitFor({ timeout: 30_000 });
  const rows = await members.locator("tbody tr").allInnerTexts();
  expect(rows.map((row) => row.replace(/\s+/g, " ").trim())).toEqual([
    "Cambridgeshire County Council TFC-DSA-001",
    "NHS Cambridgeshire and Peterborough ICB TFC-DSA-002",
  ]);
  const leftOut = (await page.getByTestId("pool-left-out").textContent()) ?? "";
  expect(leftOut).toContain("Peterborough City Council");
  expect(leftOut).toContain("no active agreement shares its data with the partnership");
  const runs = page.getByTestId("runs-table").locator("tbody tr");
  await expect.poll(() => runs.count(), { timeout: 30_000 }).toBe(20);
  expect(await page.getByTestId("pooled-manifests").textContent()).toContain(
    "printed by the member or operator whose driver runs it",
  );
  expect(await page.locator("a[href*='/runs/']").count(), "no manifest links").toBe(0);
  return page.url();
}

/**
 * As a member's finance officer, opens "Your trips in partnership plans" from the menu, asks for
 * a date that does not exist (an error summary), then the pooled day, and reads its trips in it:
 * the summary, a page of the trips' table (no references: finance may not read passengers) and
 * the unserved trips.
 */
export async function readMemberTrips(page: Page): Promise<void> {
  await menuLink(page, "Partnership plans").click();
  await page.getByRole("heading", { name: "Your trips in partnership plans", level: 1 }).waitFor();
  const ask = async (day: string, month: string, year: string) => {
    await page.getByLabel("Day", { exact: true }).fill(day);
    await page.getByLabel("Month", { exact: true }).fill(month);
    await page.getByLabel("Year", { exact: true }).fill(year);
    await page.getByRole("button", { name: "Show your trips" }).click();
  };
  await ask("30", "2", POOLED_DAY.year);
  const summary = page.getByTestId("error-summary");
  await summary.waitFor();
  expect(await summary.textContent()).toContain("The date of the plans must be a real date");
  expect(await summary.locator("a").getAttribute("href")).toBe("#date");
  expect(await page.title()).toMatch(/^Error: Your trips in partnership plans/);
  await ask(POOLED_DAY.day, POOLED_DAY.month, POOLED_DAY.year);
  await page.waitForURL((url) => url.searchParams.get("date") === POOLED_DAY.iso);
  const plan = page.getByTestId("member-plan").first();
  await plan.waitFor({ timeout: 30_000 });
  expect(await plan.getByRole("heading", { level: 2 }).textContent()).toContain(
    "Transport for Cambridgeshire",
  );
  const facts = (await plan.getByTestId("member-plan-summary").innerText()).replace(/\s+/g, " ");
  expect(facts).toMatch(/Your trips [\d,]+ Your cost £[\d,.]+ The plan's cost £[\d,.]+/);
  const table = plan.getByTestId("member-trips");
  expect(await table.locator("thead th").allTextContents()).toEqual([
    "Vehicle",
    "Pick-up",
    "Drop-off",
    "Cost",
  ]);
  expect(await table.locator("tbody tr").count()).toBe(50);
  const [vehicle, pickup, dropoff, cost] = await table
    .locator("tbody tr")
    .first()
    .locator("td")
    .allTextContents();
  expect(vehicle).not.toBe("");
  expect(`${pickup} ${dropoff}`).toMatch(/^\d\d:\d\d \d\d:\d\d$/);
  expect(cost).toMatch(/^£[\d,]+\.\d\d$/);
  expect(await plan.getByTestId("references-withheld").isVisible()).toBe(true);
  await plan.getByTestId("member-unserved").waitFor();
}
