import { listTestDrivers } from "@tt/db";
import { aPassenger, aTripRequest } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day (a one-off, home to school by 08:40). */
const DAY = "2026-09-03";
/** The fixture passenger's home is at 52.192254, 0.137179; the school at 52.1787, 0.1589. */
const SCHOOL = {
  lat: 52.1787,
  lon: 0.1589,
  kind: "place",
  name: "Netherhall School",
  withheld: false,
};
/** A home for a role that may not read passengers: no position at all. */
const WITHHELD = { kind: "home", name: null, withheld: true };

for (const driver of listTestDrivers()) {
  describe(`plan map API (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let planId = "";
    let chairPassenger = "";

    /** A wheelchair user: the fixture's minibus has no wheelchair space, so the trip is unassigned. */
    async function seedUnservableTrip(): Promise<void> {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const needs = { ...aPassenger().needs, wheelchair: true };
      const json = aPassenger({
        reference: "P-chair",
        givenName: "Grace",
        familyName: "Hopper",
        homeLat: 52.204489,
        homeLon: 0.118612,
        needs,
      });
      const passenger = await call("POST", "/api/passengers", { token, json });
      chairPassenger = String(((await passenger.json()) as Json).id);
      const trip = aTripRequest(
        { passengerId: chairPassenger, funderId: county.rows.funders, placeId: county.rows.places },
        { reference: "T-chair", recurrence: { kind: "one-off", date: DAY } },
      );
      expect((await call("POST", "/api/trip-requests", { token, json: trip })).status).toBe(201);
    }

    beforeAll(async () => {
      const { call, county, services } = fixture();
      await seedUnservableTrip();
      const token = county.users.admin.token;
      const started = await call("POST", "/api/plans", {
        token,
        json: { date: DAY, iterations: 20 },
      });
      const { jobId } = (await started.json()) as { jobId: string };
      await services.planning.settled(jobId);
      const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
      planId = String((job.result as Json).planId);
    }, 300_000);

    it("gives each run's stops with positions: places exact and named, homes rounded and unnamed", async () => {
      const { call, county } = fixture();
      const answer = await call("GET", `/api/plans/${planId}/map`, {
        token: county.users.admin.token,
      });
      expect(answer.status).toBe(200);
      const map = (await answer.json()) as Json;
      expect(map).toMatchObject({ planId, serviceDate: DAY, revision: 1, homeDecimals: 3 });
      expect(map.runs).toEqual([
        {
          id: expect.any(String),
          vehicleId: county.rows.vehicles,
          vehicleReference: "V-county",
          stops: [
            {
              position: 0,
              kind: "pickup",
              tripRequestId: county.rows.tripRequests,
              tripReference: "T-county",
              at: { lat: 52.192, lon: 0.137, kind: "home", name: null, withheld: false },
            },
            {
              position: 1,
              kind: "dropoff",
              tripRequestId: county.rows.tripRequests,
              tripReference: "T-county",
              at: SCHOOL,
            },
          ],
        },
      ]);
      const [unassigned] = map.unassigned as Json[];
      expect(map.unassigned).toHaveLength(1);
      expect(unassigned).toMatchObject({
        tripReference: "T-chair",
        origin: { lat: 52.204, lon: 0.119, kind: "home", name: null, withheld: false },
        destination: SCHOOL,
      });
      const text = JSON.stringify(map);
      for (const secret of ["Lovelace", "Ada", "Hopper", "CB1 0AG", "52.192254", "0.118612"]) {
        expect(text).not.toContain(secret);
      }
    });

    it("is read by every role that reads plans and refused to one that does not", async () => {
      const { call, county } = fixture();
      const path = `/api/plans/${planId}/map`;
      for (const role of ["driver", "finance", "booking-agent"] as const) {
        const answer = await call("GET", path, { token: county.users[role].token });
        expect(answer.status, role).toBe(200);
      }
      const refused = await call("GET", path, { token: county.users.auditor.token });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as Json).code).toBe("forbidden");
    });

    it("answers 404 for another organisation's plan and for a plan that does not exist", async () => {
      const { call, city, county } = fixture();
      const other = await call("GET", `/api/plans/${planId}/map`, {
        token: city.users.admin.token,
      });
      expect(other.status).toBe(404);
      expect(JSON.stringify(await other.json())).not.toContain("T-county");
      const missing = "00000000-0000-4000-8000-0000000000ff";
      const none = await call("GET", `/api/plans/${missing}/map`, {
        token: county.users.admin.token,
      });
      expect(none.status).toBe(404);
    });

    /** How many `read` rows on passengers the audit log holds. */
    async function passengerReads(): Promise<number> {
      const { call, county } = fixture();
      const audit = await call("GET", "/api/audit-log?resource=passengers", {
        token: county.users.admin.token,
      });
      return Number(((await audit.json()) as Json).total);
    }

    it("gives roles that may not read passengers no home positions and audits nothing for them", async () => {
      const { call, county } = fixture();
      const before = await passengerReads();
      const read = async (role: "driver" | "finance") => {
        const answer = await call("GET", `/api/plans/${planId}/map`, {
          token: county.users[role].token,
          headers: { "x-purpose": "checking the morning runs" },
        });
        expect(answer.status, role).toBe(200);
        return (await answer.json()) as Json;
      };
      const map = await read("finance");
      const [run] = map.runs as { stops: Json[] }[];
      expect(run?.stops.map((s) => s.at)).toEqual([WITHHELD, SCHOOL]);
      // No trip references either: they are for roles that may read passengers.
      expect(run?.stops.map((s) => s.tripReference)).toEqual([null, null]);
      expect(map.unassigned).toEqual([
        expect.objectContaining({ tripReference: null, origin: WITHHELD, destination: SCHOOL }),
      ]);
      const text = JSON.stringify(map);
      for (const secret of ["52.192", "0.137", "52.204", "0.119", "Lovelace", "Hopper", "T-"]) {
        expect(text).not.toContain(secret);
      }
      // A driver crewing no vehicle that day sees no run and no unassigned request.
      expect(await read("driver")).toMatchObject({ runs: [], unassigned: [] });
      expect(await passengerReads()).toBe(before);
    });

    it("audits the read of the homes it places, with the purpose given", async () => {
      const { call, county } = fixture();
      const headers = { "x-purpose": "checking the morning runs" };
      const token = county.users["booking-agent"].token;
      const answer = await call("GET", `/api/plans/${planId}/map`, { token, headers });
      expect(answer.status).toBe(200);
      const [run] = ((await answer.json()) as { runs: { stops: Json[] }[] }).runs;
      expect(run?.stops[0]?.at).toEqual({
        lat: 52.192,
        lon: 0.137,
        kind: "home",
        name: null,
        withheld: false,
      });
      const audit = await call("GET", "/api/audit-log?resource=passengers", {
        token: county.users.admin.token,
      });
      const [row] = ((await audit.json()) as { items: Json[] }).items;
      expect(row).toMatchObject({
        action: "read",
        resource: "passengers",
        userId: county.users["booking-agent"].user.id,
        purpose: "checking the morning runs",
        details: { planId, runs: 1, homes: 2 },
      });
      expect([...((row?.resourceIds as string[]) ?? [])].sort()).toEqual(
        [county.rows.passengers, chairPassenger].sort(),
      );
    });

    it("records a purpose of its own when none is given, and nothing for a refused read or one without homes", async () => {
      const { call, county } = fixture();
      const admin = county.users.admin.token;
      const count = async () =>
        (
          (await (
            await call("GET", "/api/audit-log?resource=passengers", { token: admin })
          ).json()) as Json
        ).total;
      const before = await count();
      await call("GET", `/api/plans/${planId}/map`, { token: county.users.auditor.token });
      await call("GET", `/api/plans/${planId}/map`, { token: county.users.driver.token });
      expect(await count()).toBe(before);
      await call("GET", `/api/plans/${planId}/map`, { token: admin });
      expect(await count()).toBe(Number(before) + 1);
      const audit = await call("GET", "/api/audit-log?resource=passengers&limit=1", {
        token: admin,
      });
      const [row] = ((await audit.json()) as { items: Json[] }).items;
      expect(row?.purpose).toBe(`plan map: homes to about 100 m for ${DAY}`);
    });
  });
}
