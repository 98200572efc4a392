import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { checkPage } from "./browser";
import { signInAs } from "./partnership-walks";

const DAY = "2026-11-24";
const COUNTY = "Cambridgeshire County Council";
const TAXIS = "Ribbonway Taxis Ltd";

type Json = Record<string, unknown>;

async function staffOf(page: Page, base: string): Promise<Json[]> {
  const response = await page.request.get(new URL("/api/staff?limit=100", base).toString());
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Json[] }).items;
}

/** A driver whose DBS check and licence hold on the day, first by reference (the demo's driver). */
const mayDrive = (s: Json) =>
  s.role === "driver" && String(s.dbsExpiry ?? "") >= DAY && String(s.licenceExpiry ?? "") >= DAY;

/**
 * As the taxi firm's administrator, on the crew page: the county's runs on the firm's granted
 * taxis are listed "for" the county; crews the first with the firm's demo driver. Answers the
 * taxi's reference.
 */
export async function crewGrantedTaxi(page: Page, base: string, password: string) {
  await signInAs(page, base, { email: "admin@ribbonway.demo", organisation: TAXIS, password });
  await page.goto(new URL(`/crew?date=${DAY}`, base).toString());
  const row = page.locator("[data-testid=crew-table] tbody tr").first();
  await row.waitFor({ timeout: 30_000 });
  const text = (await row.locator("td").first().textContent()) ?? "";
  expect(text).toContain(`, for ${COUNTY}`);
  const driver = (await staffOf(page, base))
    .filter(mayDrive)
    .sort((a, b) => String(a.reference).localeCompare(String(b.reference)))[0];
  await row.getByRole("button").click();
  await page.getByTestId("crew-form").waitFor();
  await page.selectOption("#crew-driver", String(driver?.id));
  await page.getByTestId("save-crew").click();
  await page.getByTestId("crew-saved").waitFor({ timeout: 20_000 });
  await checkPage(page, "21-taxi-crew-for-county");
  return text.split(",")[0]?.trim() ?? "";
}

/** The firm's driver, on a phone: the county's run on the crewed taxi, headed for the county. */
export async function driveForCounty(
  browser: Browser,
  base: string,
  password: string,
  taxi: string,
) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const phone = await context.newPage();
  try {
    await signInAs(phone, base, { email: "driver@ribbonway.demo", organisation: TAXIS, password });
    await phone.goto(new URL(`/driver?date=${DAY}`, base).toString());
    const run = phone.getByTestId("driver-run").first();
    await run.waitFor({ timeout: 20_000 });
    const heading = (await run.getByRole("heading", { level: 2 }).textContent()) ?? "";
    expect(heading).toContain(taxi);
    expect(heading).toContain(`for ${COUNTY}`);
    expect(await phone.getByTestId("driver-stop").count()).toBeGreaterThan(0);
    await checkPage(phone, "22-taxi-driver-county-run");
  } finally {
    await context.close();
  }
}
