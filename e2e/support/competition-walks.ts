import type { Page } from "playwright-core";
import { expect } from "vitest";
import { checkPage } from "./browser";
import { signInAs } from "./partnership-walks";

const CONSORTIUM = "Fen Edge Villages Transport Consortium";
const GROUP = { name: "Brookmere Community Transport", email: "operator@brookmere-ct.demo" };
const TAXIS = { name: "Ribbonway Taxis Ltd", email: "operator@ribbonway.demo" };
/** Brookmere's minibus that no council holds under contract: free to win the consortium's lot. */
const FREE_MINIBUS = "BCT-MB-02";
/** The taxi Ribbonway offers (contracted to Cambridgeshire: it may bid, not be awarded). */
const TAXI = "RT-M-01";
const TITLE = "Fen Edge villager minibus";
const CSRF = { "x-requested-with": "e2e" };

const menuLink = (page: Page, text: string) =>
  page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: text });

async function fillDate(page: Page, id: string, [day, month, year]: readonly string[]) {
  await page.locator(`#${id}`).fill(day ?? "");
  await page.locator(`#${id}-month`).fill(month ?? "");
  await page.locator(`#${id}-year`).fill(year ?? "");
}

/** As an operator: applies to the consortium's purchasing system in one category. */
export async function applyToConsortium(
  page: Page,
  url: string,
  password: string,
  who: "group" | "taxis",
): Promise<void> {
  const operator = who === "group" ? GROUP : TAXIS;
  await signInAs(page, url, { email: operator.email, organisation: operator.name, password });
  await menuLink(page, "Purchasing system").click();
  await page.locator("#dps-buyer").selectOption({ label: CONSORTIUM });
  await page.getByLabel(who === "group" ? "minibus" : "taxi", { exact: true }).check();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await page.getByText(`Applied to ${CONSORTIUM}'s DPS.`).waitFor();
}

/** As the consortium's commissioner: admits both operators to its purchasing system. */
export async function admitBoth(page: Page, url: string, password: string): Promise<void> {
  await signInAs(page, url, {
    email: "commissioner@fenedge.demo",
    organisation: CONSORTIUM,
    password,
  });
  await menuLink(page, "Purchasing system").click();
  const received = page.getByTestId("dps-received");
  for (const operator of [GROUP.name, TAXIS.name]) {
    await received.getByRole("button", { name: `Review ${operator}` }).click();
    const review = page.getByTestId("dps-review");
    await review.getByLabel("Admit").check();
    await review.getByRole("button", { name: "Record the decision" }).click();
    await page.getByText(`${operator}: admitted.`).waitFor();
  }
}

/** Today and the time `seconds` from now, as the browser's clock and time zone count them. */
async function deadlineIn(page: Page, seconds: number) {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead * 1000);
    const two = (n: number) => String(n).padStart(2, "0");
    return {
      date: [String(at.getDate()), String(at.getMonth() + 1), String(at.getFullYear())],
      time: `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`,
      at: at.getTime(),
    };
  }, seconds);
}

/**
 * As the consortium's commissioner (signed in): previews the lots of its published plan by vehicle
 * type and puts them out to the minibus and taxi operators of its DPS, bids closing `seconds` from
 * now. Answers the deadline (epoch milliseconds).
 */
export async function putLotsOut(page: Page, seconds: number): Promise<number> {
  await menuLink(page, "Competitions").click();
  const form = page.getByTestId("competition-form");
  await form.waitFor();
  await expect
    .poll(() => form.locator("#competition-plan option:checked").textContent())
    .toMatch(/2026-11-24 \(published\)/);
  await page.locator("#competition-rule").selectOption("vehicle-type");
  await page.getByTestId("preview-lots").click();
  const preview = page.getByTestId("lots-preview");
  await preview.waitFor({ timeout: 30_000 });
  expect(await preview.textContent()).toMatch(/minibus/);
  await page.locator("#competition-title").fill(TITLE);
  await form.getByLabel("minibus", { exact: true }).check();
  await form.getByLabel("taxi", { exact: true }).check();
  const deadline = await deadlineIn(page, seconds);
  await fillDate(page, "competition-deadline", deadline.date);
  await page.locator("#competition-deadline-time").fill(deadline.time);
  await fillDate(page, "competition-starts", ["1", "11", "2026"]);
  await fillDate(page, "competition-ends", ["31", "3", "2027"]);
  await page.locator("#competition-price-weight").fill("60");
  await page.getByTestId("put-out").click();
  await page.getByText(new RegExp(`${TITLE}: 1 lot put out to 2 operators`)).waitFor();
  await checkPage(page, "18b-competition-put-out");
  return deadline.at;
}

/**
 * As an invited operator: bids a day's price for the lot with one of its vehicles, and is told
 * the bid is sealed. Each first puts the vehicle on duty all day, whenever the plan's run falls.
 */
export async function bidFor(
  page: Page,
  url: string,
  password: string,
  who: "group" | "taxis",
  pounds: string,
): Promise<void> {
  const operator = who === "group" ? GROUP : TAXIS;
  await signInAs(page, url, { email: operator.email, organisation: operator.name, password });
  const offered = who === "group" ? FREE_MINIBUS : TAXI;
  await onDutyAllDay(page, url, offered);
  await menuLink(page, "Competitions").click();
  const invited = page.getByTestId("competition-invited").filter({ hasText: TITLE });
  await invited.waitFor();
  // The operator sees the lot's runs by number and times, never who travels.
  expect(await invited.textContent()).toMatch(/Run 1/);
  const form = invited.getByTestId("bid-form");
  await form.getByLabel(/Your price for a day of minibus/).fill(pounds);
  // Both fleets are long enough to be folded away: the list opens from its summary.
  const fleet = form.locator("details").filter({ hasText: /Choose from your \d+ vehicles/ });
  await fleet.locator("summary").click();
  await form.getByLabel(new RegExp(`^${offered} `)).check();
  await form.getByRole("button", { name: /Place the bid/ }).click();
  const placed = page.getByText(`Bid for minibus placed: £${pounds}.00 a day.`);
  await placed.waitFor();
  expect(await invited.getByTestId("my-bid").textContent()).toContain(`£${pounds}.00 a day`);
  expect(await invited.textContent()).toContain("Sealed: the buyer can read it only after");
  // The engine checks the bid at once; the group's minibus carries every run of the lot. (The
  // taxi may not: a passenger booked earlier may need a step-free vehicle.)
  const unfit = invited.getByTestId("my-bid-unfit");
  const fit = (await unfit.count()) > 0 ? await unfit.textContent() : "fits";
  if (who === "group") expect(fit).toBe("fits");
}

/** The operator puts its vehicle on duty from 05:00 to 23:30 (its register's record, by the API). */
async function onDutyAllDay(page: Page, base: string, reference: string): Promise<void> {
  const list = await page.request.get(new URL("/api/vehicles?limit=500", base).toString());
  const items = ((await list.json()) as { items: Record<string, unknown>[] }).items;
  const found = items.find((v) => v.reference === reference);
  expect(found, reference).toBeDefined();
  const { id, organisationId: _o, createdAt: _c, updatedAt: _u, ...fields } = found ?? {};
  const put = await page.request.put(new URL(`/api/vehicles/${String(id)}`, base).toString(), {
    headers: CSRF,
    data: { ...fields, availableFrom: "05:00", availableTo: "23:30" },
  });
  expect(put.status(), "the minibus on duty all day").toBe(200);
}

/** As the consortium's commissioner: asks for the bids before the deadline and is refused. */
export async function failToOpenEarly(page: Page, url: string, password: string): Promise<void> {
  await signInAs(page, url, {
    email: "commissioner@fenedge.demo",
    organisation: CONSORTIUM,
    password,
  });
  await menuLink(page, "Competitions").click();
  const row = page.getByTestId("competitions-bought").getByRole("row").filter({ hasText: TITLE });
  expect(await row.textContent()).toContain("Bids sealed");
  await row.getByRole("button", { name: /Open the bids/ }).click();
  const summary = page.getByTestId("error-summary");
  await summary.waitFor();
  expect(await summary.textContent()).toMatch(/The bids are sealed until/);
  await page.getByTestId("bids-sealed").waitFor();
}

/**
 * After the deadline: opens the bids ranked, marks quality, awards the lot to the community
 * transport group and sees the contract signed.
 */
export async function evaluateAndAward(page: Page): Promise<void> {
  const row = page.getByTestId("competitions-bought").getByRole("row").filter({ hasText: TITLE });
  await row.getByRole("button", { name: /Open the bids/ }).click();
  const bids = page.getByTestId("competition-bids");
  const ranked = bids.getByTestId("ranked-bid");
  await expect.poll(() => ranked.count(), { timeout: 20_000 }).toBe(2);
  // Price alone: the group's £50 scores all 60, the taxis' £160 60 × 50 ÷ 160 = 18.75.
  expect(await ranked.nth(0).textContent()).toContain(GROUP.name);
  expect(await ranked.nth(1).textContent()).toMatch(/18\.75/);
  // Group: 60 + 40 × 0.70 = 88; taxis: 18.75 + 40 × 0.90 = 54.75.
  for (const [operator, mark, total] of [
    [GROUP.name, "70", /88/],
    [TAXIS.name, "90", /54\.75/],
  ] as const) {
    const entry = ranked.filter({ hasText: operator });
    await entry.getByRole("textbox").fill(mark);
    await entry.getByRole("button", { name: /^Mark/ }).click();
    await expect.poll(() => entry.textContent()).toMatch(total);
    expect(await entry.getByRole("textbox").inputValue()).toBe(mark);
  }
  expect(await ranked.nth(0).textContent()).toContain(GROUP.name);
  await checkPage(page, "18c-competition-bids");
  await ranked
    .filter({ hasText: GROUP.name })
    .getByRole("button", { name: /^Award/ })
    .click();
  await page
    .getByText(`minibus awarded to ${GROUP.name} at £50.00 a day: the contract is signed.`)
    .waitFor();
  await bids
    .getByTestId("lot-awarded")
    .getByText(/with Brookmere Community Transport, signed/)
    .waitFor();
}

/**
 * Plans the consortium's day again: the minibus won is now in its fleet at the contract's price,
 * and its run costs exactly £50.00 a day (less than the consortium's own minibus costs).
 */
export async function planAtContractPrices(page: Page): Promise<void> {
  await menuLink(page, "Planning").click();
  await page.getByRole("heading", { name: "Planning", level: 1 }).waitFor();
  await page.getByLabel("Date", { exact: true }).fill("2026-11-24");
  await page.getByLabel("Time limit, in seconds").fill("3");
  await page.getByRole("button", { name: "Start planning" }).click();
  await page.getByTestId("job-percent").filter({ hasText: "100%" }).waitFor({ timeout: 120_000 });
  await page.getByTestId("open-plan").click();
  const runs = page.getByTestId("runs-table").locator("tbody tr");
  await runs.first().waitFor({ timeout: 30_000 });
  const minibus = runs.filter({ hasText: FREE_MINIBUS });
  await expect.poll(() => minibus.count()).toBe(1);
  expect(await minibus.textContent()).toContain("£50.00");
}
