import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bookATrip } from "./support/booking-walks";
import {
  checkPage,
  HAS_CHROMIUM,
  launchChromium,
  NO_CHROMIUM_MESSAGE,
  screenshot,
} from "./support/browser";
import { type DemoServer, ensureWebBuilt, startDemoServer } from "./support/demo-server";
import { crewGrantedTaxi, driveForCounty } from "./support/granted-walks";
import { signInAs } from "./support/partnership-walks";

if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_MESSAGE);

/** The county day is planned for this long at the server's start, then published. */
const DAY_SECONDS = "20";

describe.skipIf(!HAS_CHROMIUM)("the booking desk on the published demo county day", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let url: string;
  let password: string;

  beforeAll(async () => {
    ensureWebBuilt();
    server = startDemoServer(["--demo-day-seconds", DAY_SECONDS]);
    url = await server.url;
    password = /password[:\s]+"?([^\s"]{12,})"?/i.exec(server.output())?.[1] ?? "";
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== "fail") return;
    await screenshot(page, `county-failed-${context.task.name}`);
    console.error(`server output so far:\n${server.output().slice(-4000)}`);
  });

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it("publishes the county's day (about 4,000 trips) in the background at the server's start", async () => {
    await expect
      .poll(() => server.output(), { timeout: 400_000, interval: 2000 })
      .toMatch(/Published the demo day plan of 2026-11-24|was not published|did not finish/);
    expect(server.output()).toContain("Published the demo day plan of 2026-11-24");
  }, 420_000);

  it("a booking agent finds a passenger, books a trip into it and sees it in the revisions", async () => {
    await signInAs(page, url, {
      email: "booking-agent@cambridgeshire.demo",
      organisation: "Cambridgeshire County Council",
      password,
    });
    const reference = await bookATrip(page, url);
    expect(reference).toMatch(/^BK-/);
    await checkPage(page, "20-county-booking");
  }, 180_000);

  it("the taxi firm crews its taxi on a county run, and its driver's phone shows the run for the county", async () => {
    const taxi = await crewGrantedTaxi(page, url, password);
    await driveForCounty(browser, url, password, taxi);
  }, 120_000);
});
