import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createUnitOfWork } from "@tt/db";
import { aPassenger } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSmallDay } from "../test-support/small-day";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const dataDir = mkdtempSync(join(tmpdir(), "tt-book-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const DAY = "2026-11-24";
const ORG = ["--organisation", "Book County"];
let bookingFile = "";

/** A council with one admin, two pupils travelling on the day, one minibus, and a passenger to book. */
beforeAll(async () => {
  const handle = await createDb({ driver: "pglite", dataDir });
  try {
    await handle.migrate();
    const repos = createUnitOfWork(handle.db).repositories;
    const seeded = await seedSmallDay(
      repos,
      { name: "Book County", adminEmail: "admin@book-county.example" },
      DAY,
    );
    const caller = await repos.passengers.create(
      seeded.organisationId,
      aPassenger({ reference: "P-CALL", homeLat: 52.2 }),
    );
    bookingFile = join(dataDir, "booking.json");
    const booking = {
      date: DAY,
      passengerId: caller.id,
      funderId: seeded.funderId,
      purpose: "demand-responsive",
      origin: { kind: "home" },
      destination: { kind: "place", placeId: seeded.placeId },
      timing: "depart-after",
      time: "11:00",
      windowMinutes: 30,
    };
    writeFileSync(bookingFile, JSON.stringify(booking));
  } finally {
    await handle.close();
  }
});

function tt(args: string[]) {
  // The embedded database in the temporary folder, whatever DATABASE_URL the tests run with.
  const { DATABASE_URL: _url, TT_TRAVEL_TIMES: _times, ...env } = process.env;
  const result = spawnSync(process.execPath, [TT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...env, TT_DATA_DIR: dataDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Json = Record<string, unknown>;

describe("tt book", () => {
  it("refuses before the day has an operating plan, then books into it and cancels", () => {
    const early = tt(["book", "options", bookingFile, ...ORG]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("No operating plan is published");

    const planned = tt(["plan", ...ORG, "--date", DAY, "--iterations", "30", "--publish"]);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`Published as the operating plan of ${DAY}.`);

    const offered = tt(["book", "options", bookingFile, ...ORG]);
    expect(offered.code).toBe(0);
    const found = JSON.parse(offered.stdout) as { options: Json[]; entitlement: Json };
    expect(found.entitlement).toMatchObject({ ok: true });
    const vehicle = String(found.options[0]?.vehicleId);

    const booked = tt(["book", "confirm", bookingFile, "--vehicle", vehicle, ...ORG]);
    expect(booked.stderr).toBe("");
    expect(booked.code).toBe(0);
    const made = JSON.parse(booked.stdout) as Json;
    expect(made).toMatchObject({ revision: 2, option: { vehicleId: vehicle } });
    const reference = String(made.reference);
    expect(reference).toMatch(/^BK-\d{8}-[0-9A-F]{8}$/);

    const again = tt(["book", "confirm", bookingFile, "--vehicle", vehicle, ...ORG]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already has trip ${reference}`);

    const cancel = ["book", "cancel", "--trip", reference, "--date", DAY, ...ORG];
    const cancelled = tt([...cancel, "--reason", "passenger-unwell"]);
    expect(cancelled.code).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({
      cancellation: { reason: "passenger-unwell" },
      plan: { revision: 3 },
    });
  });

  it("names what is wrong: the verb, a flag, a reason not on the list, a trip not found", () => {
    expect(tt(["book", "reserve", bookingFile, ...ORG]).code).toBe(2);
    expect(tt(["book", "confirm", bookingFile, ...ORG]).stderr).toContain("--vehicle");
    const day = ["--date", DAY, ...ORG];
    const reason = tt(["book", "cancel", "--trip", "T-1", "--reason", "bored", ...day]);
    expect(reason.code).toBe(3);
    expect(reason.stderr).toContain("reason");
    const missing = tt(["book", "cancel", "--trip", "BK-NONE", "--reason", "weather", ...day]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No trip request has the reference BK-NONE");
  });
});
