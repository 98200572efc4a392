import type { Page } from "playwright-core";
import { expect } from "vitest";

const DAY = { iso: "2026-11-24", day: "24", month: "11", year: "2026" } as const;
const CSRF = { "x-requested-with": "e2e" };

type Json = Record<string, unknown>;

/** A GET of the API with the browser's own session. */
async function read(page: Page, base: string, path: string): Promise<Json> {
  const response = await page.request.get(new URL(path, base).toString());
  expect(response.status(), path).toBe(200);
  return (await response.json()) as Json;
}

const firstOf = (json: Json) => ((json.items ?? []) as Json[])[0] ?? {};

/** Publishes the organisation's latest plan of the demo day, as a commissioner would. */
export async function publishLatestPlan(page: Page, base: string): Promise<void> {
  const plan = firstOf(await read(page, base, `/api/plans?serviceDate=${DAY.iso}&limit=1`));
  const url = new URL(`/api/plans/${String(plan.id)}/publish`, base).toString();
  const response = await page.request.post(url, { headers: CSRF });
  expect(response.status(), "publish").toBe(200);
}

const menuLink = (page: Page, text: string) =>
  page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: text });

async function choose(page: Page, finder: string, text: string): Promise<void> {
  await page.fill(`#${finder}`, text);
  await page.locator(`[data-testid=${finder}-form] button[type=submit]`).click();
  const chosen = page.getByTestId(`${finder}-chosen`);
  const matches = page.getByTestId(`${finder}-matches`);
  await chosen.or(matches).first().waitFor({ timeout: 20_000 });
  if (await matches.isVisible()) await matches.getByRole("button").first().click();
  await chosen.waitFor();
}

/**
 * At the booking desk: finds a passenger and a place by reference, asks for the options of a trip
 * on the demo day, books the first and follows the link to the plan's new revision, where the
 * revisions list the booking. Answers the booking's reference.
 */
export async function bookATrip(page: Page, base: string): Promise<string> {
  const passenger = firstOf(await read(page, base, "/api/passengers?limit=1"));
  const place = firstOf(await read(page, base, "/api/places?limit=1"));
  await menuLink(page, "Booking desk").click();
  await page.getByRole("heading", { name: "Booking desk", level: 1 }).waitFor();
  await choose(page, "passenger-search", String(passenger.reference));
  // Beside the passenger: their standing under each regime and the trips they have to come.
  await page.getByTestId("upcoming-trips").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("passenger-standing").textContent()).toMatch(
    /entitled|No entitlement decision on file/,
  );
  await choose(page, "place-search", String(place.reference));
  await page.selectOption("#purpose", "demand-responsive");
  // An organisation of several funders asks which pays: the one for buses and DRT.
  const funder = page.locator("#funder");
  await funder.locator("option").nth(1).waitFor({ state: "attached" });
  if ((await funder.inputValue()) === "") {
    const labels = await funder.locator("option").allTextContents();
    const label = labels.find((l) => /DRT|public transport/i.test(l)) ?? labels[1] ?? "";
    await funder.selectOption({ label });
  }
  await page.check("input[name=timing][value=depart-after]");
  await page.fill("#date", DAY.day);
  await page.fill("#date-month", DAY.month);
  await page.fill("#date-year", DAY.year);
  await page.fill("#time", "10:00");
  await page.fill("#window", "30");
  await askedToRepeatWithoutDays(page);
  await page.getByTestId("find-options").click();
  const options = page.getByTestId("booking-option");
  await options.first().waitFor({ timeout: 30_000 });
  await options.first().getByTestId("book-button").click();
  const banner = page.getByTestId("booked-banner");
  await banner.waitFor({ timeout: 30_000 });
  const reference = /BK-\d{8}-[0-9A-F]{8}/.exec((await banner.textContent()) ?? "")?.[0] ?? "";
  expect(reference, "the booking's reference in the banner").not.toBe("");
  await page.getByTestId("booked-plan").click();
  const revisions = page.getByTestId("plan-revision");
  await revisions.first().waitFor({ timeout: 30_000 });
  expect(await revisions.first().textContent()).toContain("Trip booked");
  return reference;
}

/** A repeat with no weekdays and no last day is refused, naming both; travelling once clears it. */
async function askedToRepeatWithoutDays(page: Page): Promise<void> {
  await page.check("input[name=often][value=repeats]");
  await page.getByTestId("repeat-fields").waitFor();
  await page.getByTestId("find-options").click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  const text = (await summary.textContent()) ?? "";
  expect(text).toContain("Choose the weekdays the trip repeats on");
  expect(text).toContain("Enter the last day the trip repeats");
  await page.check("input[name=often][value=once]");
  await page.getByTestId("repeat-fields").waitFor({ state: "detached" });
}

/** Cancels the booking for the day with a reason, and finds it counted by that reason. */
export async function cancelTheTrip(page: Page, base: string, reference: string): Promise<void> {
  await menuLink(page, "Booking desk").click();
  await page.getByRole("heading", { name: "Booking desk", level: 1 }).waitFor();
  await page.fill("#cancel-trip", reference);
  await page.fill("#cancel-date", DAY.day);
  await page.fill("#cancel-date-month", DAY.month);
  await page.fill("#cancel-date-year", DAY.year);
  await page.check("input[name=cancel-reason][value=passenger-unwell]");
  await page.getByRole("button", { name: "Cancel the trip" }).click();
  await page.getByTestId("cancelled-banner").waitFor({ timeout: 30_000 });
  // The day's report counts it by its reason.
  await page.fill("#counts-date", DAY.day);
  await page.fill("#counts-date-month", DAY.month);
  await page.fill("#counts-date-year", DAY.year);
  await page.getByRole("button", { name: "Show the cancellations" }).click();
  const table = page.getByTestId("cancellation-counts-table");
  await table.waitFor({ timeout: 20_000 });
  const first = (await table.locator("tbody tr").first().innerText()).replace(/\s+/g, " ");
  expect(first.trim()).toBe("Passenger unwell 1");
  const counted = await read(page, base, `/api/cancellations?from=${DAY.iso}&to=${DAY.iso}`);
  expect(counted.total).toBe(1);
}

/**
 * At the booking desk: finds the first passenger and adds their parent's email as a contact,
 * which the passenger's contacts then list as receiving messages.
 */
export async function addAContact(page: Page, base: string): Promise<void> {
  const passenger = firstOf(await read(page, base, "/api/passengers?limit=1"));
  await menuLink(page, "Booking desk").click();
  await page.getByRole("heading", { name: "Booking desk", level: 1 }).waitFor();
  await choose(page, "passenger-search", String(passenger.reference));
  const section = page.getByTestId("passenger-messages");
  await section.waitFor();
  await section.getByText("Add a contact").click();
  await page.check("input[name=contact-channel][value=email]");
  await page.fill("#contact-address", "Parent.E2E@Example.org");
  await page.selectOption("#contact-relationship", "parent");
  await page.getByRole("button", { name: "Add the contact" }).click();
  const contacts = page.getByTestId("contacts");
  await contacts.waitFor({ timeout: 20_000 });
  const row = (await contacts.locator("tbody tr").first().innerText()).replace(/\s+/g, " ");
  expect(row).toContain("parent.e2e@example.org");
  expect(row).toContain("Receives pick-up times and changes");
}

/** Opens an opt-out link whose token matches nothing: the page refuses it, and stops nothing. */
export async function followAWrongOptOutLink(page: Page, base: string): Promise<void> {
  await page.goto(new URL(`/opt-out#${"x".repeat(32)}`, base).toString());
  await page.getByRole("heading", { name: "Stop messages about trips", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Stop these messages" }).click();
  await page.getByTestId("opt-out-refused").waitFor({ timeout: 20_000 });
}

/**
 * At the partnership's booking desk: books for Peterborough's passengers under its booking
 * agreement (TFC-DSA-003). The passenger, the place and the funder are found among the city's,
 * and the options are asked of the city's operating plan of the demo day, which the city has not
 * published: the desk says so, naming the day.
 */
export async function askForAPartnersTrip(page: Page, base: string): Promise<void> {
  const partners = ((await read(page, base, "/api/partners")).items ?? []) as Json[];
  const city = partners.find((p) => p.name === "Peterborough City Council");
  expect(city, "Peterborough shares with the partnership").toBeDefined();
  const at = `/api/partners/${String(city?.organisationId)}`;
  const passenger = firstOf(await read(page, base, `${at}/passengers?purpose=booking&limit=1`));
  const place = firstOf(await read(page, base, `${at}/places?limit=1`));
  await menuLink(page, "Booking desk").click();
  await page.getByRole("heading", { name: "Booking desk", level: 1 }).waitFor();
  const bookFor = page.locator("#book-for");
  await bookFor.locator("option").nth(1).waitFor({ state: "attached" });
  await bookFor.selectOption(String(city?.organisationId));
  await choose(page, "passenger-search", String(passenger.reference));
  // Beside the city's passenger: their standing and trips, read under the agreement.
  await page.getByTestId("upcoming-trips").waitFor({ timeout: 20_000 });
  await choose(page, "place-search", String(place.reference));
  await page.selectOption("#purpose", "demand-responsive");
  const funder = page.locator("#funder");
  await funder.locator("option").nth(1).waitFor({ state: "attached" });
  await funder.selectOption({ index: 1 });
  await page.check("input[name=timing][value=depart-after]");
  await page.fill("#date", DAY.day);
  await page.fill("#date-month", DAY.month);
  await page.fill("#date-year", DAY.year);
  await page.fill("#time", "10:00");
  await page.getByTestId("find-options").click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor({ timeout: 30_000 });
  expect(await summary.textContent()).toContain(`No operating plan is published for ${DAY.iso}`);
}
