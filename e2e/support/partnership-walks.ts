import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The demo's Transport for Cambridgeshire agreements and their statuses. */
export const DEMO_AGREEMENT_STATUSES = {
  "TFC-DSA-001": "Active",
  "TFC-DSA-002": "Active",
  "TFC-DSA-003": "Active",
  "TFC-DSA-004": "Draft",
};

const menuLink = (page: Page, text: string) =>
  page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: text });

/** The demo's accounts these walks sign in with (`tt serve --demo` prints them). */
export const DEMO_ACCOUNTS = {
  partnershipAdmin: {
    email: "admin@transportforcambridgeshire.demo",
    organisation: "Transport for Cambridgeshire",
    name: "Administrator, Transport for Cambridgeshire",
  },
  partnershipCommissioner: {
    email: "commissioner@transportforcambridgeshire.demo",
    organisation: "Transport for Cambridgeshire",
  },
  councilAuditor: {
    email: "auditor@cambridgeshire.demo",
    organisation: "Cambridgeshire County Council",
  },
  councilFinance: {
    email: "finance@cambridgeshire.demo",
    organisation: "Cambridgeshire County Council",
  },
} as const;

/**
 * Opens the app at `url`, signs out whoever is signed in, and signs in with the account; waits
 * for the organisation's name in the masthead.
 */
export async function signInAs(
  page: Page,
  url: string,
  account: { email: string; organisation: string; password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
  const signOut = page.getByRole("button", { name: "Sign out" });
  if (await signOut.isVisible()) await signOut.click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect
    .poll(() => page.getByTestId("organisation-name").textContent(), { timeout: 20_000 })
    .toBe(account.organisation);
}

/** The agreements page's cards: reference → status as shown. */
async function statuses(page: Page): Promise<Record<string, string>> {
  const cards = page.getByTestId("agreement");
  const shown: Record<string, string> = {};
  for (const card of await cards.all()) {
    const reference = (await card.getAttribute("data-reference")) ?? "";
    shown[reference] = (await card.getByTestId("agreement-status").textContent()) ?? "";
  }
  return shown;
}

/**
 * Opens the agreements from the menu: the members, the four demo agreements with their statuses
 * and what each permits; approves the draft for the partnership and sees who is left.
 */
export async function reviewAgreements(page: Page): Promise<void> {
  await menuLink(page, "Agreements").click();
  await page.getByRole("heading", { name: "Partnership and agreements", level: 1 }).waitFor();
  await expect.poll(() => page.getByTestId("agreement").count(), { timeout: 20_000 }).toBe(4);
  expect(await statuses(page)).toEqual(DEMO_AGREEMENT_STATUSES);
  const members = (await page.getByTestId("partnership-members").textContent()) ?? "";
  expect(members).toContain("NHS Cambridgeshire and Peterborough ICB");
  const draft = page.locator("[data-reference=TFC-DSA-004]");
  expect(await draft.textContent()).toContain(
    "nothing is shared until Transport for Cambridgeshire approves it",
  );
  const icb = page.locator("[data-reference=TFC-DSA-002]");
  expect(await icb.textContent()).toContain("Approved by Dr Morwenna Ashby");
  await draft.getByTestId("agreement-approve").click();
  const banner = page.getByTestId("notification-banner");
  await banner.filter({ hasText: "TFC-DSA-004 approved" }).waitFor({ timeout: 20_000 });
  await draft.getByTestId("agreement-active").waitFor({ timeout: 20_000 });
  expect(await draft.textContent()).toContain("every party has approved");
}

/**
 * Runs the partnership's integration analysis over two budgets, the council's supported bus and
 * DRT and the ICB's patient transport, with a tiny budget; waits for savings and Shapley shares.
 */
export async function analyseTwoBudgets(page: Page): Promise<void> {
  await menuLink(page, "Integration").click();
  await page.getByRole("heading", { name: "Integration report", level: 1 }).waitFor();
  const funders = page.getByTestId("funders");
  await funders.locator("input[type=checkbox]").first().waitFor({ timeout: 20_000 });
  const keep = ["Cambridgeshire supported bus and DRT", "Non-emergency patient transport (NEPTS)"];
  for (const box of await funders.locator("input[type=checkbox]").all()) {
    const label =
      (await page.locator(`label[for="${await box.getAttribute("id")}"]`).textContent()) ?? "";
    if (!keep.includes(label)) await box.uncheck();
  }
  expect(await page.getByTestId("skipped-members").textContent()).toContain("Peterborough");
  await page.getByLabel("Seconds for each plan").fill("1");
  await page.getByLabel("Iterations for each plan (optional)").fill("50");
  await page.getByRole("button", { name: "Run the analysis" }).click();
  const report = page.getByTestId("integration-report");
  await report.waitFor({ timeout: 150_000 });
  expect(await report.textContent()).toMatch(/Pooled planning saves £[\d,.]+/);
  const rows = page.getByTestId("shares").locator("tbody tr");
  expect((await rows.locator("th").allTextContents()).sort()).toEqual(keep);
  for (const row of await rows.all()) {
    const [alone, shapley, , paysMore] = await row.locator("td").allTextContents();
    expect(pounds(shapley)).toBeLessThanOrEqual(pounds(alone));
    expect(paysMore).toBe("No");
  }
}

const pounds = (text: string | undefined) => Number((text ?? "").replace(/[£,]/g, ""));

/**
 * As the council's auditor, opens the access log by the agreement the analysis read under and
 * finds the partnership's read of its passengers, naming who read and the agreement; then
 * narrows it to that person.
 */
export async function findPartnerRead(page: Page, reader: string): Promise<void> {
  await menuLink(page, "Access log").click();
  await page.getByRole("heading", { name: "Access log", level: 1 }).waitFor();
  const agreement = page.getByLabel("Agreement");
  await expect
    .poll(() => agreement.locator("option").count(), { timeout: 20_000 })
    .toBeGreaterThan(1);
  await agreement.selectOption({ label: (await optionStartingWith(page, "TFC-DSA-001")) ?? "" });
  await page.getByRole("button", { name: "Show entries" }).click();
  await settled(page, "agreementId");
  const read = page
    .getByTestId("access-log-entry")
    .filter({ hasText: "analysis under agreement TFC-DSA-001" })
    .first();
  const text = (await read.textContent()) ?? "";
  expect(text).toContain(reader);
  expect(text).toContain("Transport for Cambridgeshire");
  expect(await read.getByTestId("entry-agreement").textContent()).toBe("TFC-DSA-001");
  await read.getByTestId("entry-person").click();
  await page.getByTestId("person-filter").waitFor();
  await settled(page, "userId");
  const entries = await page.getByTestId("access-log-entry").allTextContents();
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) expect(entry).toContain(reader);
}

/** Waits until the address has the filter and the log shows its entries, not the last ones. */
async function settled(page: Page, filter: string): Promise<void> {
  await page.waitForURL((url) => url.searchParams.has(filter), { timeout: 20_000 });
  await page.locator("[data-testid=access-log][aria-busy=false]").waitFor({ timeout: 20_000 });
}

async function optionStartingWith(page: Page, start: string): Promise<string | undefined> {
  const labels = await page.getByLabel("Agreement").locator("option").allTextContents();
  return labels.find((label) => label.startsWith(start));
}
