import type { Page } from "playwright-core";
import { expect } from "vitest";

const table = (page: Page) => page.getByTestId("register-table");

/** Opens one of the register's pages by its tab. */
async function openRegister(page: Page, title: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Register" })
    .getByRole("link", { name: title })
    .click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

/** Waits for the success banner, and for the table to find the row by its reference. */
async function expectSaved(page: Page, message: string, reference: string): Promise<void> {
  await page.getByTestId("notification-banner").filter({ hasText: message }).waitFor();
  await page.getByLabel("Search").fill(reference);
  await page.getByRole("button", { name: "Search" }).click();
  await expect.poll(() => table(page).textContent(), { timeout: 20_000 }).toContain(reference);
}

/** Edits the first place: an empty name is caught in the browser, then a new name is saved. */
export async function editFirstPlace(page: Page): Promise<string> {
  await openRegister(page, "Places");
  const reference = (await table(page).locator("tbody tr td").first().textContent()) ?? "";
  await table(page)
    .getByRole("link", { name: `Edit ${reference}` })
    .click();
  await page.getByRole("heading", { name: "Edit a place" }).waitFor();
  const name = page.getByLabel("Name", { exact: true });
  const before = await name.inputValue();
  await name.fill("");
  await page.getByRole("button", { name: "Save place" }).click();
  const summary = await page.getByTestId("error-summary").textContent();
  expect(summary).toContain("Enter the place's name");
  await name.fill(`${before} (checked)`);
  await page.getByRole("button", { name: "Save place" }).click();
  await expectSaved(page, "Place updated", reference);
  expect(await table(page).textContent()).toContain(`${before} (checked)`);
  return reference;
}

/**
 * Adds a trip request from a passenger's home to a place, both named by reference: an unknown
 * passenger is reported against its field first.
 */
export async function addTripRequest(page: Page, refs: { passenger: string; place: string }) {
  await openRegister(page, "Trip requests");
  await page.getByTestId("add-row").click();
  await page.getByRole("heading", { name: "Add a trip request" }).waitFor();
  const reference = `E2E-T-${Date.now()}`;
  await page.getByLabel("Reference", { exact: true }).fill(reference);
  await page.getByLabel("Passenger's reference").fill("NOBODY-AT-ALL");
  await page.getByLabel("Who pays for it").selectOption({ index: 1 });
  await page.getByLabel("Purpose", { exact: true }).selectOption("school");
  await page.locator("#originKind").check();
  await page.locator("#destinationKind-2").check();
  await page.locator("#destinationPlace").fill(refs.place);
  await page.locator("#timing").check();
  await page.getByLabel("Time", { exact: true }).fill("08:45");
  await page.locator("#recurrenceKind").check();
  for (const [part, value] of [
    ["", "1"],
    ["-month", "12"],
    ["-year", "2026"],
  ]) {
    await page.locator(`#date${part}`).fill(value ?? "");
  }
  await page.getByRole("button", { name: "Save trip request" }).click();
  const summary = page.getByTestId("error-summary");
  await summary.waitFor();
  expect(await summary.textContent()).toContain("No passenger has the reference NOBODY-AT-ALL");
  await summary.getByRole("link").click();
  expect(await page.locator("#passengerReference:focus").count(), "focus on the field").toBe(1);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(refs.passenger);
  await page.getByRole("button", { name: "Save trip request" }).click();
  await expectSaved(page, "Trip request added", reference);
}

/** Opens the first vehicle's form: its stored seats and costs (in pounds) are filled in. */
export async function openFirstVehicle(page: Page): Promise<void> {
  await openRegister(page, "Vehicles");
  await table(page)
    .getByRole("link", { name: /^Edit / })
    .first()
    .click();
  await page.getByRole("heading", { name: "Edit a vehicle" }).waitFor();
  expect(Number(await page.locator("#seats").inputValue())).toBeGreaterThan(0);
  expect(await page.locator("#fixedCost").inputValue()).toMatch(/^\d+(\.\d{1,2})?$/);
  expect(await page.locator("#availableFrom").inputValue()).toMatch(/^\d\d:\d\d$/);
}
