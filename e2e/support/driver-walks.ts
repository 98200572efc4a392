import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { checkPage, screenshot } from "./browser";
import { signInAs } from "./partnership-walks";

const DAY = "2026-11-24";
/** The consortium's driver: the demo links them to its first driver's staff record. */
const DRIVER = {
  email: "driver@fenedge.demo",
  organisation: "Fen Edge Villages Transport Consortium",
};

type Json = Record<string, unknown>;

async function read(page: Page, base: string, path: string): Promise<Json> {
  const response = await page.request.get(new URL(path, base).toString());
  expect(response.status(), path).toBe(200);
  return (await response.json()) as Json;
}

const items = (json: Json) => (json.items ?? []) as Json[];

/**
 * As the commissioner, on the crew rota page: crews the first run of the day's operating plan
 * with two pick-ups or more with the consortium's first driver (by reference), then finds them on
 * the rota's row and in the API's rota. Answers the vehicle's id.
 */
export async function crewARun(page: Page, base: string): Promise<string> {
  const plans = items(await read(page, base, `/api/plans?serviceDate=${DAY}&limit=20`));
  const published = plans.find((p) => p.status === "published");
  const plan = await read(page, base, `/api/plans/${String(published?.id)}`);
  const pickups = (run: Json) => (run.stops as Json[]).filter((s) => s.kind === "pickup").length;
  const run = (plan.runs as Json[]).find((r) => pickups(r) >= 2);
  expect(run, "a run with two pick-ups in the published plan").toBeDefined();
  const driver = items(await read(page, base, "/api/staff?limit=100"))
    .filter((s) => s.role === "driver")
    .sort((a, b) => String(a.reference).localeCompare(String(b.reference)))[0];
  const vehicleId = String(run?.vehicleId);
  await page.goto(new URL(`/crew?date=${DAY}`, base).toString());
  const row = page.locator(`tr[data-vehicle-id="${vehicleId}"]`);
  await row.waitFor({ timeout: 30_000 });
  await row.getByRole("button").click();
  await page.getByTestId("crew-form").waitFor();
  await page.selectOption("#crew-driver", String(driver?.id));
  await page.getByTestId("save-crew").click();
  await page.getByTestId("crew-saved").waitFor({ timeout: 20_000 });
  await checkPage(page, "10a-crew-rota");
  expect(await row.textContent()).toContain(String(driver?.reference));
  const rota = items(await read(page, base, `/api/crew/${DAY}`));
  expect(rota.filter((a) => a.vehicleId === vehicleId).map((a) => a.staffId)).toEqual([
    String(driver?.id),
  ]);
  return vehicleId;
}

/** Opens the status board of the demo day and waits for its live updates. */
export async function openStatusBoard(page: Page): Promise<void> {
  await page
    .getByRole("navigation", { name: "Menu" })
    .getByRole("link", { name: "Status board" })
    .click();
  await page.getByRole("heading", { name: "Status board", level: 1 }).waitFor();
  await page.goto(new URL(`/status-board?date=${DAY}`, page.url()).toString());
  await page.getByTestId("board-totals").waitFor({ timeout: 20_000 });
  await expect
    .poll(() => page.getByTestId("board-live").textContent(), { timeout: 20_000 })
    .toContain("Updating");
}

/**
 * The app installs on a phone: a web manifest with icons and a start page, and a service worker
 * that controls the page (so it opens without signal).
 */
async function expectInstallable(phone: Page): Promise<void> {
  const CONTROLLED = "Boolean(navigator.serviceWorker.controller)";
  const href = await phone.locator("link[rel=manifest]").getAttribute("href");
  const manifest = (await (
    await phone.request.get(new URL(href ?? "", phone.url()).toString())
  ).json()) as Json;
  expect(manifest).toMatchObject({ display: "standalone", start_url: "/driver" });
  expect((manifest.icons as Json[]).map((i) => i.sizes)).toEqual(["192x192", "512x512"]);
  await phone.evaluate("navigator.serviceWorker.ready.then(() => true)");
  if (!(await phone.evaluate(CONTROLLED))) {
    await phone.reload();
    await phone.getByTestId("driver-run").first().waitFor({ timeout: 20_000 });
  }
  expect(await phone.evaluate(CONTROLLED)).toBe(true);
}

/**
 * On a 390 × 844 phone: the driver signs in, opens their run, loses signal, marks the first
 * pick-up on board and the second a no-show, sees both kept on the phone, opens the page again
 * still without signal (it comes from the phone, marks and all), gets signal back and sees them
 * sent.
 */
export async function markOffline(browser: Browser, base: string, password: string) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  try {
    await signInAs(phone, base, { ...DRIVER, password });
    await phone.goto(new URL(`/driver?date=${DAY}`, base).toString());
    await phone.getByTestId("driver-run").first().waitFor({ timeout: 20_000 });
    await expectInstallable(phone);
    const status = phone.getByTestId("outbox-status");
    await context.setOffline(true);
    await expect.poll(() => status.textContent()).toContain("No signal");
    const pickups = phone.locator("[data-testid=driver-stop][data-kind=pickup]");
    await pickups.nth(0).getByRole("button", { name: "On board" }).click();
    const second = pickups.nth(1);
    await second.getByRole("button", { name: "No-show" }).click();
    await second.getByLabel("Why did nobody travel?").selectOption("not-at-pickup");
    await second.getByRole("button", { name: "Record the no-show" }).click();
    await expect.poll(() => status.textContent()).toContain("2 marks kept on this phone");
    expect(await pickups.nth(0).getByTestId("stop-progress").textContent()).toContain("On board");
    expect(await second.getByTestId("stop-progress").textContent()).toContain("No-show at");
    // Still without signal, the page opened again comes from the phone: the run and both marks.
    await phone.reload();
    await phone.getByTestId("kept-day").waitFor({ timeout: 20_000 });
    await expect.poll(() => status.textContent()).toContain("2 marks kept on this phone");
    expect(await phone.getByTestId("stop-progress").allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining("On board"),
        expect.stringContaining("No-show at"),
      ]),
    );
    await screenshot(phone, "11-driver-offline");
    await context.setOffline(false);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("All marks sent.");
  } finally {
    await context.close();
  }
}

/** The board shows the driver's two marks without being reloaded. */
export async function boardShowsMarks(page: Page): Promise<void> {
  const totals = page.getByTestId("board-totals");
  await expect.poll(() => totals.textContent(), { timeout: 30_000 }).toContain("1 no-show,");
  const exceptions = (await page.getByTestId("board-exceptions").textContent()) ?? "";
  expect(exceptions).toContain("No-show: Nobody at the pick-up point");
  const runs = (await page.getByTestId("board-runs").textContent()) ?? "";
  // The no-show's drop-off counts as done with its pick-up.
  expect(runs).toMatch(/Under way, 3 of \d+ stops/);
}

/** The completed journeys of the demo day count the driver's no-show and the desk's cancellation. */
export async function journeysCountThem(page: Page): Promise<void> {
  await page.goto(new URL(`/journeys?from=${DAY}&to=${DAY}`, page.url()).toString());
  await page.getByRole("heading", { name: "Completed journeys", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Show the journeys" }).click();
  const total = page.getByTestId("journeys-total");
  await total.waitFor({ timeout: 30_000 });
  const text = (await total.textContent()) ?? "";
  expect(text).toContain("no-shows: 1 ");
  expect(text).toContain("cancelled: 1.");
  const services = (await page.getByTestId("journeys-by-service").textContent()) ?? "";
  expect(services).toContain("drt");
}

/** The commissioner's start page for the demo day: the operating plan and the day's board. */
export async function startPageShowsTheDay(page: Page): Promise<void> {
  await page.goto(new URL(`/?date=${DAY}`, page.url()).toString());
  const today = page.getByTestId("start-today");
  await expect
    .poll(() => today.textContent(), { timeout: 20_000 })
    .toContain("Operating plan (revision");
  expect(await today.textContent()).toContain("1 no-show");
  await page.getByTestId("start-agreements").waitFor();
}

async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const [year = "", month = "", day = ""] = iso.split("-");
  await page.fill(`#${id}`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

/**
 * Imports a small taps file for the crewed run's vehicle (the demo day and the Tuesday before) on
 * the occupancy page, then reads its travellers and suggested seats.
 */
export async function tapsShowOccupancy(page: Page, base: string, vehicleId: string) {
  const vehicle = await read(page, base, `/api/vehicles/${vehicleId}`);
  const reference = String(vehicle.reference);
  const rows = [
    "date,card,vehicle,stop,time",
    ...["A", "B", "C"].map((c) => `${DAY},CARD-${c},${reference},Over,16:3${c === "A" ? 0 : 1}`),
    ...["A", "B"].map((c) => `2026-11-17,CARD-${c},${reference},Over,16:32`),
  ];
  await page.goto(new URL("/occupancy", base).toString());
  await page.getByRole("heading", { name: "Taps and occupancy", level: 1 }).waitFor();
  await page.setInputFiles("#taps-file", {
    name: "taps.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${rows.join("\n")}\n`),
  });
  await page.getByRole("button", { name: "Import the taps" }).click();
  const banner = page.getByTestId("taps-imported");
  await banner.waitFor({ timeout: 20_000 });
  expect(await banner.textContent()).toContain("Imported 5 taps on 1 vehicle");
  await fillDate(page, "from", "2026-11-17");
  await fillDate(page, "to", DAY);
  await page.getByRole("button", { name: "Show occupancy" }).click();
  const row = page.getByTestId("occupancy-row").filter({ hasText: reference });
  await row.first().waitFor({ timeout: 20_000 });
  const cells = await row.first().locator("td").allTextContents();
  // Vehicle, day, seats, planned, days seen, mean, most, suggested seats (85th percentile), verdict.
  expect(cells.slice(0, 2)).toEqual([reference, "Tuesday"]);
  expect(cells.slice(4, 8)).toEqual(["2", "2.5", "3", "3"]);
}
