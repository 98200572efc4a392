import type { Page } from "playwright-core";
import { expect } from "vitest";
import { checkPage } from "./browser";
import { signInAs } from "./partnership-walks";

const TAXIS = "Ribbonway Taxis Ltd";
const COUNTY = "Cambridgeshire County Council";

const menuLink = (page: Page, text: string) =>
  page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: text });

/** "YYYY-MM-DD" parts of the day `days` from today (UTC, as the server counts). */
function inDays(days: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
  };
}

async function fillDate(page: Page, id: string, date: ReturnType<typeof inDays>) {
  await page.locator(`#${id}`).fill(date.day);
  await page.locator(`#${id}-month`).fill(date.month);
  await page.locator(`#${id}-year`).fill(date.year);
}

/**
 * As the taxi firm's operator: records an MOT expiring in 20 days (after the form's error
 * summary), sees the 30-day warning, and applies to the county's purchasing system.
 */
export async function recordAndApply(page: Page, url: string, password: string): Promise<void> {
  await signInAs(page, url, { email: "operator@ribbonway.demo", organisation: TAXIS, password });
  await menuLink(page, "Compliance").click();
  await page.getByRole("heading", { name: "Compliance documents", level: 1 }).waitFor();
  await page.getByTestId("record-document").click();
  const summary = page.getByTestId("error-summary");
  await summary.waitFor();
  expect(await summary.textContent()).toContain("Choose the kind of document");
  expect(await summary.locator("a").first().getAttribute("href")).toBe("#document-kind");
  await page.locator("#document-kind").selectOption("mot");
  await page.locator("#document-vehicle").selectOption({ index: 1 });
  await page.locator("#document-issuer").fill("DVSA");
  await page.locator("#document-number").fill("E2E-MOT-20");
  await fillDate(page, "document-expires", inDays(20));
  await page.getByTestId("record-document").click();
  await page.getByTestId("compliance-saved").waitFor();
  const warnings = page.getByTestId("compliance-warnings");
  await warnings.getByText("E2E-MOT-20").waitFor();
  expect(await warnings.textContent()).toMatch(
    /E2E-MOT-20 of .+ expires in 20 days.*30-day warning/,
  );
  await checkPage(page, "17-compliance");
  // The operator's start page says what to renew.
  await page.goto(url);
  await page
    .getByTestId("start-compliance")
    .getByText(/E2E-MOT-20 .* expires in 20 days/)
    .waitFor();
  await menuLink(page, "Purchasing system").click();
  await page.getByRole("heading", { name: "Dynamic purchasing system", level: 1 }).waitFor();
  await page.locator("#dps-buyer").selectOption({ label: COUNTY });
  await page.getByLabel("taxi", { exact: true }).check();
  await page.getByLabel("wheelchair accessible", { exact: true }).check();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await page.getByText(`Applied to ${COUNTY}'s DPS.`).waitFor();
  await page.getByTestId("dps-made").getByText("applied", { exact: true }).waitFor();
}

/** As the county's commissioner: reviews the taxi firm's application with its documents, admits it. */
export async function reviewAndAdmit(page: Page, url: string, password: string): Promise<void> {
  await signInAs(page, url, {
    email: "commissioner@cambridgeshire.demo",
    organisation: COUNTY,
    password,
  });
  await menuLink(page, "Purchasing system").click();
  const received = page.getByTestId("dps-received");
  await received.waitFor();
  await received.getByRole("button", { name: `Review ${TAXIS}` }).click();
  const review = page.getByTestId("dps-review");
  await review.getByTestId("compliance-documents").getByText("E2E-MOT-20").waitFor();
  await review.getByLabel("Admit").check();
  await review.getByRole("button", { name: "Record the decision" }).click();
  await page.getByText(`${TAXIS}: admitted.`).waitFor();
  await received.getByText("admitted", { exact: true }).waitFor();
  await checkPage(page, "18-dps-review");
}

/**
 * As the county's commissioner (signed in): records a contract with the admitted taxi firm (after
 * the form's error summary), signs it, and sees its price and expiry in the register.
 */
export async function recordAndSignContract(page: Page): Promise<void> {
  await menuLink(page, "Contracts").click();
  await page.getByRole("heading", { name: "Contracts", level: 1 }).waitFor();
  await page.locator("#contract-operator").waitFor();
  await page.getByTestId("record-contract").click();
  const summary = page.getByTestId("error-summary");
  await summary.waitFor();
  expect(await summary.locator("a").first().getAttribute("href")).toMatch(/^#contract-/);
  await page.locator("#contract-operator").selectOption({ label: TAXIS });
  await page.locator("#contract-reference").fill("E2E-C-1");
  await page.locator("#contract-title").fill("Wheelchair taxi, Ely schools");
  await page.locator("#contract-basis").selectOption("per-day");
  await page.locator("#contract-price").fill("185");
  await fillDate(page, "contract-starts", inDays(1));
  await fillDate(page, "contract-ends", inDays(60));
  await page.getByTestId("record-contract").click();
  await page.getByText("Contract E2E-C-1 recorded as a draft").waitFor();
  const row = page.getByTestId("contracts-bought").getByRole("row").filter({ hasText: "E2E-C-1" });
  expect(await row.textContent()).toContain("£185.00 a day");
  await row.getByRole("button", { name: "Sign" }).click();
  await page.getByText("Contract E2E-C-1 signed.").waitFor();
  await row.getByText("Active", { exact: true }).waitFor();
  expect(await row.textContent()).toMatch(/ends in 60 days/);
  await checkPage(page, "18a-contracts");
}
