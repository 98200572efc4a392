import { randomUUID } from "node:crypto";
import type { Actor } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aStaffMember, aTripRequest, aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, useFixture } from "./test-support/fixture";
import { activeAgreement, adminOf } from "./test-support/partnership-scene";
import { aRun, crewUserToken, DAY, saveDayPlan } from "./test-support/run-scene";

type Json = Record<string, unknown>;

/** The city's taxi operator grants its cab to the county; the county plans a run on it. */
interface GrantScene {
  vehicle: string;
  trip: string;
  tokens: { driver: string; fleetManager: string };
  countyAdmin: Actor;
  cityAdmin: Actor;
}

async function buildGrantScene(f: Fixture): Promise<GrantScene> {
  const { services, county, city } = f;
  const cityAdmin = adminOf(city);
  const countyAdmin = adminOf(county);
  const operator = await services.register.create(cityAdmin, "operators", {
    name: "City Cabs",
    kind: "taxi",
  });
  const cab = await services.register.create(
    cityAdmin,
    "vehicles",
    aVehicle({ reference: "CAB-7", operatorId: operator.id }),
  );
  const staff = await services.register.create(
    cityAdmin,
    "staff",
    aStaffMember({ reference: "CD-1", name: "Cal Driver", operatorId: operator.id }),
  );
  await services.grants.offer(cityAdmin, {
    granteeId: county.id,
    vehicleIds: [cab.id],
    weekdays: ["mon", "tue", "wed", "thu", "fri"],
    startTime: "06:00",
    endTime: "19:00",
    validFrom: "2026-09-01",
    validTo: "2026-12-31",
  });
  const trip = await services.register.create(
    countyAdmin,
    "tripRequests",
    aTripRequest(
      {
        passengerId: county.rows.passengers,
        funderId: county.rows.funders,
        placeId: county.rows.places,
      },
      { reference: "T-CAB", recurrence: { kind: "one-off", date: DAY } },
    ),
  );
  const plan = await saveDayPlan(f, county.id, [aRun(cab.id, trip.id)]);
  const published = await f.call("POST", `/api/plans/${plan.id}/publish`, {
    token: county.users.admin.token,
  });
  expect(published.status).toBe(200);
  const crewed = await f.call("PUT", `/api/crew/${DAY}/${cab.id}`, {
    token: city.users.admin.token,
    json: { staffIds: [staff.id] },
  });
  expect(crewed.status).toBe(200);
  const user = (role: "driver" | "operator", key: string, link: Json) =>
    crewUserToken(f, { organisationId: city.id, email: `${key}@city-cabs.example` }, role, link);
  return {
    vehicle: cab.id,
    trip: trip.id,
    tokens: {
      driver: await user("driver", "cab-driver", { staffId: staff.id }),
      fleetManager: await user("operator", "cab-fleet", { operatorId: operator.id }),
    },
    countyAdmin,
    cityAdmin,
  };
}

for (const driver of listTestDrivers()) {
  describe(`a granted vehicle's runs on the driver's phone (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: GrantScene;

    const day = async (token: string) => {
      const res = await fixture().call("GET", `/api/driver/runs?date=${DAY}`, { token });
      expect(res.status).toBe(200);
      return (await res.json()) as { published: boolean; runs: Json[]; withheld: Json[] };
    };
    const mark = async (kind = "picked-up", stop = "pickup") => {
      const event = {
        id: randomUUID(),
        serviceDate: DAY,
        vehicleId: scene.vehicle,
        tripRequestId: scene.trip,
        stop,
        kind,
        at: `${DAY}T07:05:00Z`,
      };
      const res = await fixture().call("POST", "/api/run-events", {
        token: scene.tokens.driver,
        json: { events: [event] },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { recorded: number; refused: Json[] };
    };
    const agreement = (reference: string, items: Parameters<typeof activeAgreement>[5]) =>
      activeAgreement(
        fixture().services.agreements,
        scene.countyAdmin,
        scene.cityAdmin,
        reference,
        "operating-runs",
        items,
      );

    beforeAll(async () => {
      scene = await buildGrantScene(fixture());
    });

    it("withholds the county's run on the city's cab until an agreement for operating runs covers it", async () => {
      const before = await day(scene.tokens.driver);
      expect(before.published).toBe(true);
      expect(before.runs).toEqual([]);
      expect(before.withheld).toEqual([
        {
          organisationId: fixture().county.id,
          organisationName: "County",
          vehicleIds: [scene.vehicle],
          reason:
            "no active agreement shares its passengers with your organisation for operating runs",
        },
      ]);
      const refused = await mark();
      expect(refused.recorded).toBe(0);
      expect(String(refused.refused[0]?.message)).toMatch(
        /^County's run on this vehicle cannot be marked/,
      );
      // An agreement without the passengers' homes is not enough to run the run.
      await agreement("OR-PART", ["identity", "travel-needs", "trips"]);
      const partial = await day(scene.tokens.driver);
      expect(partial.runs).toEqual([]);
      expect(partial.withheld[0]?.reason).toBe(
        "agreement OR-PART does not share home-location for operating runs",
      );
    });

    it("shows the run and records its marks in the county's day under the agreement, until it is suspended", async () => {
      const f = fixture();
      const id = await agreement("OR-FULL", ["identity", "home-location", "travel-needs", "trips"]);
      // The agreement opens the runs the crew drives, never the county's passenger list.
      for (const route of ["passengers", "passengers.csv"]) {
        const list = await f.call(
          "GET",
          `/api/partners/${f.county.id}/${route}?purpose=operating-runs`,
          { token: f.city.users.admin.token },
        );
        expect(list.status).toBe(422);
      }
      for (const token of [scene.tokens.driver, scene.tokens.fleetManager]) {
        const shown = await day(token);
        expect(shown.withheld).toEqual([]);
        expect(shown.runs.map((r) => [(r.vehicle as Json).reference, r.forOrganisation])).toEqual([
          ["CAB-7", "County"],
        ]);
        const stops = shown.runs[0]?.stops as Json[];
        expect(stops.map((s) => [s.kind, s.passenger])).toEqual([
          ["pickup", "Ada L."],
          ["dropoff", "Ada L."],
        ]);
      }
      const log = await f.call("GET", "/api/audit-log?resource=passengers&limit=50", {
        token: f.county.users.admin.token,
      });
      const rows = ((await log.json()) as { items: Json[] }).items;
      const read = rows.filter((r) =>
        String(r.purpose).startsWith("operating-runs under agreement OR-FULL"),
      );
      expect(read.length).toBeGreaterThanOrEqual(2);
      expect(read[0]?.resourceIds).toEqual([f.county.rows.passengers]);

      const boardMark = () => f.services.statusBoard.mark(scene.cityAdmin, DAY);
      const unmarked = await boardMark();
      expect((await mark()).recorded).toBe(1);
      // The city's open boards hear of its crew's mark on the county's run.
      expect(await boardMark()).not.toBe(unmarked);
      const board = await f.call("GET", `/api/status-board?date=${DAY}`, {
        token: f.county.users.admin.token,
      });
      const runs = ((await board.json()) as { runs: Json[] }).runs;
      expect(runs.map((r) => [r.vehicleReference, r.done, r.forOrganisation])).toEqual([
        ["CAB-7", 1, null],
      ]);
      // The city's office and fleet manager see when their cab runs for the county, and how far
      // it has got, to crew it: no trip, passenger or exception of the county's.
      for (const token of [f.city.users.admin.token, scene.tokens.fleetManager]) {
        const own = await f.call("GET", `/api/status-board?date=${DAY}`, { token });
        const cityBoard = (await own.json()) as { runs: Json[]; exceptions: Json[]; totals: Json };
        expect(cityBoard.runs.map((r) => [r.vehicleReference, r.done, r.forOrganisation])).toEqual([
          ["CAB-7", 1, "County"],
        ]);
        expect(cityBoard.exceptions).toEqual([]);
        expect(cityBoard.totals.runs).toBe(1);
      }
      const phone = await day(scene.tokens.driver);
      const stops = (phone.runs[0]?.stops ?? []) as Json[];
      expect(stops.map((s) => (s.progress as Json | null)?.outcome ?? null)).toEqual([
        "picked-up",
        null,
      ]);

      await f.services.agreements.changeStatus(scene.countyAdmin, id, "suspended");
      const after = await day(scene.tokens.driver);
      expect(after.runs).toEqual([]);
      expect(after.withheld.map((w) => w.organisationName)).toEqual(["County"]);
      expect((await mark("dropped-off", "dropoff")).recorded).toBe(0);
    });

    it("shows nothing of it to the city's people who do not crew the cab, nor to the county's driver", async () => {
      const f = fixture();
      for (const token of [f.city.users.driver.token, f.county.users.driver.token]) {
        const other = await day(token);
        expect(other.runs).toEqual([]);
        expect(other.withheld).toEqual([]);
      }
      const admin = await f.call("GET", `/api/driver/runs?date=${DAY}`, {
        token: f.city.users.admin.token,
      });
      expect(admin.status).toBe(403);
    });
  });
}
