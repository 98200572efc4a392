import { listTestDrivers, queryRows } from "@tt/db";
import { CONTRACT_HOME_TO_SCHOOL_CASE } from "@tt/testkit";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, useFixture } from "./test-support/fixture";
import { buildRunScene, DAY, type RunScene } from "./test-support/run-scene";

type Json = Record<string, unknown>;

/** A Thursday a week before the scene's day: taps with no plan. */
const WEEK_BEFORE = "2026-08-27";

for (const driver of listTestDrivers()) {
  describe(`smartcard taps and observed occupancy (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: RunScene;
    let admin = "";
    let reference = "";

    const upload = (csv: string, token = admin) =>
      fixture().call("POST", "/api/taps/import", {
        token,
        body: csv,
        headers: { "content-type": "text/csv" },
      });
    const occupancy = async (query: string, token = admin) => {
      const res = await fixture().call("GET", `/api/occupancy?${query}`, { token });
      return { status: res.status, body: (await res.json()) as Json };
    };

    beforeAll(async () => {
      const f: Fixture = fixture();
      scene = await buildRunScene(f);
      admin = f.county.users.admin.token;
      const published = await f.call("POST", `/api/plans/${scene.planId}/publish`, {
        token: admin,
      });
      expect(published.status).toBe(200);
      const passenger = await f.call("GET", `/api/passengers/${f.county.rows.passengers}`, {
        token: admin,
      });
      reference = String(((await passenger.json()) as Json).reference);
    });

    it("imports taps all or nothing: every bad row named, nothing stored", async () => {
      const bad = [
        "date,card,vehicle,stop,time",
        `${DAY},C-1,V-county,Over,08:01`,
        "2026-02-30,C-2,V-county,Over,08:02",
        `${DAY},C-3,NO-SUCH,Over,08:03`,
        `${DAY},,V-county,Over,25:00`,
      ].join("\n");
      const refused = await upload(bad);
      expect(refused.status).toBe(422);
      const details = ((await refused.json()) as { details: Json[] }).details;
      expect(details.map((d) => [d.row, d.path])).toEqual([
        [3, "date"],
        [5, "card"],
        [5, "time"],
      ]);
      const missing = await upload(
        `${bad.split("\n").slice(0, 2).join("\n")}\n${DAY},C-3,NO-SUCH,Over,08:03`,
      );
      expect(((await missing.json()) as { details: Json[] }).details).toEqual([
        {
          row: 3,
          path: "vehicle",
          message: "no vehicle NO-SUCH in your register or granted to you",
        },
      ]);
      const { body } = await occupancy(`from=${DAY}&to=${DAY}`);
      expect(body.rows).toEqual([]);
      // A file of nothing but bad rows is not read to its end.
      const junk = ["date,card,vehicle,stop,time", ...Array.from({ length: 5000 }, () => "x,,,,y")];
      const stopped = await upload(junk.join("\n"));
      const junkDetails = ((await stopped.json()) as { details: Json[] }).details;
      expect(junkDetails.length).toBeLessThanOrEqual(1000);
      expect(String(junkDetails.at(-1)?.message)).toMatch(
        /^reading stopped at row \d+: mend the problems listed/,
      );
      const empty = await upload("date,card,vehicle,stop,time\n");
      expect(((await empty.json()) as { details: Json[] }).details).toEqual([
        { row: 2, path: "", message: "the file has no taps below its header" },
      ]);
      const header = await upload("date,card,bus,time\n");
      expect(((await header.json()) as { details: Json[] }).details.map((d) => d.message)).toEqual([
        'unknown column "bus"',
        'missing column "vehicle"',
        'missing column "stop"',
      ]);
    });

    it("stores each tap once, links cards that are passengers' references, and counts travellers", async () => {
      const rows = [
        "date,card,vehicle,stop,time",
        `${DAY},${reference},V-county,Over,08:01`,
        `${DAY},C-77,V-county,Over,08:02`,
        `${DAY},C-78,V-county,Over,08:02`,
        `${WEEK_BEFORE},C-77,V-county,Over,08:05`,
      ].join("\r\n");
      const first = await upload(rows);
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({
        rows: 4,
        stored: 4,
        duplicates: 0,
        withPassenger: 1,
        vehicles: 1,
        from: WEEK_BEFORE,
        to: DAY,
      });
      const again = await upload(rows);
      expect(await again.json()).toMatchObject({ stored: 0, duplicates: 4 });
    });

    it("shows occupancy per vehicle and weekday against the plan, the uncovered runs and a sweeper", async () => {
      const { status, body } = await occupancy(`from=${WEEK_BEFORE}&to=${DAY}&percentile=50`);
      expect(status).toBe(200);
      expect(body.rows).toEqual([
        {
          vehicleId: scene.vehicles.mine,
          vehicleReference: "V-county",
          weekday: "thu",
          seats: expect.any(Number),
          plannedTravellers: 1,
          daysObserved: 2,
          observedMean: 2,
          observedMax: 3,
          observedAtPercentile: 1,
          suggestedSeats: 1,
        },
      ]);
      expect(body.uncovered).toEqual([
        {
          vehicleId: scene.vehicles.theirs,
          vehicleReference: "TX-2",
          weekday: "thu",
          plannedTravellers: 1,
        },
      ]);
      expect(body.sweeperSeats).toBe(1);
      const p85 = await occupancy(`from=${WEEK_BEFORE}&to=${DAY}`);
      expect((p85.body.rows as Json[])[0]?.suggestedSeats).toBe(3);
    });

    it("lists an entitled passenger who never tapped for review, and not one who did", async () => {
      const f = fixture();
      const other = await f.call("POST", "/api/passengers", {
        token: admin,
        json: {
          reference: "P-NEVER",
          givenName: "Nell",
          familyName: "Never",
          dateOfBirth: "2016-01-01",
          homeLat: 52.2,
          homeLon: 0.1,
        },
      });
      const otherId = String(((await other.json()) as Json).id);
      for (const passengerId of [otherId, f.county.rows.passengers]) {
        const assessed = await f.call("POST", "/api/entitlement/assess", {
          token: admin,
          json: { case: CONTRACT_HOME_TO_SCHOOL_CASE, passengerId, assessedOn: "2026-08-01" },
        });
        expect(assessed.status).toBe(201);
        expect(((await assessed.json()) as Json).eligible).toBe(true);
      }
      const { body } = await occupancy(`from=${WEEK_BEFORE}&to=${DAY}`);
      expect(body.reviewCandidates).toEqual([{ id: otherId, reference: "P-NEVER" }]);
    });

    it("counts a day's load on its fullest leg: the morning and afternoon runs are not added", async () => {
      const legs = [
        "date,card,vehicle,stop,time",
        ...["A", "B", "C"].map((c, i) => `${DAY},L-${c},TX-2,School,07:3${i}`),
        ...["D", "E"].map((c) => `${DAY},L-${c},TX-2,School,15:30`),
      ].join("\n");
      expect((await upload(legs)).status).toBe(201);
      const { body } = await occupancy(`from=${DAY}&to=${DAY}`);
      const row = (body.rows as Json[]).find((r) => r.vehicleReference === "TX-2");
      expect(row).toMatchObject({ observedMax: 3, daysObserved: 1, plannedTravellers: 1 });
      expect(body.uncovered).toEqual([]);
    });

    it("checks the role first, bounds the period, and keeps organisations apart", async () => {
      const { county, city } = fixture();
      expect((await upload("not csv", county.users["booking-agent"].token)).status).toBe(403);
      expect((await upload("x", county.users.driver.token)).status).toBe(403);
      expect((await occupancy(`from=${DAY}&to=${DAY}`, county.users.auditor.token)).status).toBe(
        403,
      );
      const long = await occupancy(`from=2026-01-01&to=2026-12-31`);
      expect(long.status).toBe(422);
      const backwards = await occupancy(`from=${DAY}&to=${WEEK_BEFORE}`);
      expect(backwards.status).toBe(422);
      const theirs = await occupancy(`from=${WEEK_BEFORE}&to=${DAY}`, city.users.admin.token);
      expect(theirs.body).toMatchObject({ rows: [], uncovered: [], reviewCandidates: [] });
      const cityUpload = await upload(
        `date,card,vehicle,stop,time\n${DAY},C-1,V-county,Over,08:01`,
        city.users.admin.token,
      );
      expect(((await cityUpload.json()) as { details: Json[] }).details[0]?.message).toBe(
        "no vehicle V-county in your register or granted to you",
      );
    });

    it("unlinks an erased passenger's taps but keeps counting them", async () => {
      const f = fixture();
      const exportOf = async () => {
        const res = await f.call(
          "GET",
          `/api/passengers/${f.county.rows.passengers}/subject-access`,
          {
            token: f.county.users.auditor.token,
          },
        );
        return ((await res.json()) as { taps: Json[] }).taps;
      };
      expect(await exportOf()).toEqual([
        { serviceDate: DAY, vehicleId: scene.vehicles.mine, stop: "Over", time: "08:01" },
      ]);
      const erased = await f.call("POST", `/api/passengers/${f.county.rows.passengers}/erasure`, {
        token: admin,
        json: { ground: "no-longer-necessary", requestReference: "SAR-TAPS" },
      });
      expect(erased.status).toBe(200);
      const linked = await queryRows<{ n: number }>(
        f.db,
        sql`select count(*)::int as n from observed_taps where passenger_id = ${f.county.rows.passengers}`,
      );
      expect(linked[0]?.n).toBe(0);
      expect(await exportOf()).toEqual([]);
      const { body } = await occupancy(`from=${WEEK_BEFORE}&to=${DAY}&percentile=100`);
      const county = (body.rows as Json[]).find((r) => r.vehicleReference === "V-county");
      expect(county).toMatchObject({ observedMax: 3, daysObserved: 2 });
    });
  });
}
