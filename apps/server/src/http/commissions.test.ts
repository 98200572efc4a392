import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildCommissionScene,
  type CommissionScene,
  CT_DAY,
} from "./test-support/community-transport-scene";
import { PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The services' clock, moved on as the month goes by. */
const clock = { at: new Date("2026-10-12T09:00:00Z"), now: () => clock.at };
const DEADLINE = "2026-10-13T17:00:00+01:00";

for (const driver of listTestDrivers()) {
  describe(`the community transport hub (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { clock });
    let scene: CommissionScene;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      clock.at = new Date("2026-10-12T09:00:00Z");
      scene = await buildCommissionScene(fixture());
    });

    const call = (method: string, path: string, token: string, json?: unknown) =>
      fixture().call(method, path, { token, ...(json === undefined ? {} : { json }) });
    const body = async (res: Response) => (await res.json()) as Json;
    const offer = (tripRequestIds: string[], over: Json = {}, token = scene.commissioner) =>
      call("POST", "/api/commissions", token, {
        groupId: scene.group.id,
        planId: scene.planId,
        tripRequestIds,
        deadline: DEADLINE,
        ...over,
      });
    const details = async (res: Response) => {
      expect(res.status).toBe(422);
      return (await body(res)).details as { path: string; message: string }[];
    };

    it("offers a plan's trips to a group at the contract's rate, naming no passenger", async () => {
      const { trips } = scene;
      const made = await offer([trips.day1, trips.day2, trips.school]);
      expect(made.status).toBe(201);
      const items = (await body(made)).items as Json[];
      expect(items.map((c) => [c.status, c.date, c.passengerClass, c.rate])).toEqual(
        Array(3).fill([
          "offered",
          CT_DAY,
          expect.any(String),
          expect.objectContaining({ pence: 52, version: "contract:CT-1" }),
        ]),
      );
      const [day1, day2, school] = items.map((c) => String(c.id));
      Object.assign(ids, { day1, day2, school });
      const late = await offer([trips.day3], { deadline: "2026-10-12T12:00:00Z" });
      ids.day3 = String(((await body(late)).items as Json[])[0]?.id);
      const received = await call(
        "GET",
        "/api/commissions?side=received&month=2026-10",
        scene.group.operator,
      );
      const text = await received.text();
      expect(JSON.parse(text).items).toHaveLength(4);
      const trip = (JSON.parse(text).items as Json[]).find((c) => c.id === ids.day1)?.trip as Json;
      expect(trip).toMatchObject({
        purpose: "adult-day-service",
        passengers: 1,
        timing: "arrive-by",
      });
      expect(String(trip.reference)).toMatch(/^P-[0-9A-F]{8}$/);
      // The home's address goes with the trip once accepted, not with the offer.
      expect(trip.pickup).toBe("Home (the address is shown once the trip is accepted)");
      expect(text).not.toContain("CB1 0AG");
      // The passenger's name and the county's own references never reach the group.
      const passenger = await fixture().services.unitOfWork.repositories.passengers.find(
        fixture().county.id,
        fixture().county.rows.passengers,
      );
      for (const secret of [
        passenger?.givenName,
        passenger?.familyName,
        passenger?.reference,
        "T-DAY1",
      ]) {
        expect(text).not.toContain(String(secret));
      }
      expect((await offer([trips.day1])).status).toBe(409);
    });

    it("refuses trips the group's permit does not carry, naming each", async () => {
      const { trips } = scene;
      const refused = await details(await offer([trips.public, trips.members]));
      expect(refused.map((d) => d.path)).toEqual(["tripRequestIds.0", "tripRequestIds.1"]);
      expect(refused[0]?.message).toBe(
        "T-DRT: a section 19 permit never carries the general public",
      );
      expect(refused[1]?.message).toContain("T-MEM: no permit of the group in force on 2026-10-14");
      const none = await details(await offer([trips.day3], { groupId: scene.unpermitted.id }));
      expect(none).toEqual([
        {
          path: "tripRequestIds.0",
          message: "T-DAY3: the group holds no section 19 or 22 permit in force on 2026-10-14",
        },
      ]);
      expect((await details(await offer([trips.outside]))).map((d) => d.path)).toEqual([
        "tripRequestIds.0",
      ]);
      const council = await details(await offer([trips.day3], { groupId: fixture().city.id }));
      expect(council.map((d) => d.path)).toEqual(["groupId"]);
      const past = await details(await offer([trips.day3], { deadline: "2026-10-12T08:00:00Z" }));
      expect(past.map((d) => d.path)).toEqual(["deadline"]);
      const tooMany = await details(await offer(Array(101).fill(trips.day3)));
      expect(tooMany.map((d) => d.path)).toContain("tripRequestIds");
      // The group answers before the day begins (UK time), not on it.
      const onTheDay = await details(
        await offer([trips.day3], { deadline: "2026-10-14T06:00:00Z" }),
      );
      expect(onTheDay).toEqual([
        { path: "deadline", message: "before the plan's day 2026-10-14 begins (UK time)" },
      ]);
    });

    it("refuses a trip one of the plan's runs carries, and a day already gone", async () => {
      const { trips } = scene;
      const repos = fixture().services.unitOfWork.repositories;
      const stored = await repos.plans.find(fixture().county.id, scene.planId);
      if (!stored) throw new Error("the scene's plan");
      const at = (minutes: number) => ({
        location: 0,
        arrival: minutes,
        start: minutes,
        departure: minutes,
      });
      const carried = await repos.plans.save(fixture().county.id, {
        name: stored.name,
        serviceDate: stored.serviceDate,
        status: "draft",
        summary: stored.summary,
        problem: null,
        unassigned: stored.unassigned.filter((u) => u.tripRequestId !== trips.members),
        runs: [
          {
            vehicleId: fixture().county.rows.vehicles,
            layout: 0,
            stops: [
              { kind: "pickup", tripRequestId: trips.members, ...at(600), load: [1, 0] },
              { kind: "dropoff", tripRequestId: trips.members, ...at(620), load: [0, 0] },
            ],
            distanceMetres: 1000,
            durationSeconds: 1200,
            costPence: 1000,
          },
        ],
      });
      const onARun = await details(await offer([trips.members], { planId: carried.id }));
      expect(onARun).toEqual([
        {
          path: "tripRequestIds.0",
          message:
            "T-MEM is carried by one of the plan's runs: offer the trips the plan left unassigned",
        },
      ]);
      const before = clock.at;
      clock.at = new Date("2026-10-15T09:00:00Z");
      try {
        const gone = await details(await offer([trips.day3], { deadline: "2026-10-16T09:00:00Z" }));
        expect(gone).toEqual([{ path: "planId", message: "the plan's day 2026-10-14 has passed" }]);
      } finally {
        clock.at = before;
      }
    });

    it("checks the role before the body, and hides commissions from other organisations", async () => {
      const { county, city } = fixture();
      for (const token of [
        county.users["booking-agent"].token,
        county.users.driver.token,
        county.users.finance.token,
        scene.group.operator,
      ]) {
        expect((await call("POST", "/api/commissions", token, "{not json")).status).toBe(403);
      }
      expect(
        (await call("POST", `/api/commissions/${ids.day1}/answer`, scene.group.driver, "{not json"))
          .status,
      ).toBe(403);
      expect(
        (
          await call(
            "POST",
            `/api/commissions/${ids.day1}/completion`,
            county.users["booking-agent"].token,
            "{not json",
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await call(
            "GET",
            "/api/community-transport/reconciliation?month=2026-10",
            county.users["booking-agent"].token,
          )
        ).status,
      ).toBe(403);
      // The buyer does not answer for the group; the group does not dispute.
      expect(
        (
          await call("POST", `/api/commissions/${ids.day1}/answer`, county.users.admin.token, {
            answer: "accept",
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call("POST", `/api/commissions/${ids.day1}/dispute`, scene.group.admin, {
            reason: "x",
          })
        ).status,
      ).toBe(403);
      for (const path of ["answer", "dispute"]) {
        const res = await call(
          "POST",
          `/api/commissions/${ids.day1}/${path}`,
          city.users.admin.token,
          { answer: "accept", reason: "x" },
        );
        expect([path, res.status]).toEqual([path, 404]);
      }
      const theirs = await call(
        "GET",
        "/api/commissions?side=offered&month=2026-10",
        city.users.admin.token,
      );
      expect((await body(theirs)).items).toEqual([]);
    });

    it("takes answers within the time limit only", async () => {
      const answer = (id: string | undefined, a: string) =>
        call("POST", `/api/commissions/${id}/answer`, scene.group.operator, { answer: a });
      expect((await body(await answer(ids.day1, "accept"))).status).toBe("accepted");
      expect((await body(await answer(ids.day2, "accept"))).status).toBe("accepted");
      expect((await body(await answer(ids.school, "decline"))).status).toBe("declined");
      expect((await answer(ids.day1, "decline")).status).toBe(409);
      clock.at = new Date("2026-10-12T13:00:00Z");
      const late = await answer(ids.day3, "accept");
      expect(late.status).toBe(409);
      expect(String((await body(late)).message)).toContain("time limit passed");
      const listed = await call(
        "GET",
        "/api/commissions?side=offered&month=2026-10",
        scene.commissioner,
      );
      const statuses = ((await body(listed)).items as Json[]).map((c) => [c.id, c.status]);
      expect(statuses).toContainEqual([ids.day3, "lapsed"]);
    });

    it("records journeys by the group's drivers, on the day or after it", async () => {
      clock.at = new Date("2026-10-15T09:00:00Z");
      const { group } = scene;
      const journey = (id: string | undefined, token: string, over: Json = {}) =>
        call("POST", `/api/commissions/${id}/completion`, token, {
          date: CT_DAY,
          miles: 12.3,
          driverStaffId: group.driverStaffId,
          ...over,
        });
      expect(
        (await journey(ids.day1, group.driver, { driverStaffId: group.lapsedStaffId })).status,
      ).toBe(403);
      const lapsed = await details(
        await journey(ids.day1, group.operator, { driverStaffId: group.lapsedStaffId }),
      );
      expect(lapsed).toEqual([
        { path: "driverStaffId", message: "the driver's dbs check had lapsed on 2026-10-14" },
      ]);
      expect(
        (await details(await journey(ids.day1, group.operator, { vehicleId: scene.planId }))).map(
          (d) => d.path,
        ),
      ).toEqual(["vehicleId"]);
      expect((await journey(ids.day1, group.driver, { date: "2026-10-13" })).status).toBe(409);
      expect((await journey(ids.day1, group.driver, { date: "2026-10-16" })).status).toBe(409);
      expect((await journey(ids.school, group.driver)).status).toBe(409);
      // Without a driver named, the operator is asked for one; a driver records as themselves.
      const unnamed = { driverStaffId: undefined };
      const nobody = await details(await journey(ids.day1, group.operator, unnamed));
      expect(nobody.map((d) => d.path)).toEqual(["driverStaffId"]);
      const done = await journey(ids.day1, group.driver, { ...unnamed, vehicleId: group.minibus });
      expect(await body(done)).toMatchObject({
        status: "completed",
        completion: {
          mileTenths: 123,
          vehicleId: group.minibus,
          driverStaffId: group.driverStaffId,
        },
      });
      expect((await journey(ids.day2, group.operator, { miles: 7.5 })).status).toBe(200);
      expect((await journey(ids.day2, group.operator, { miles: 7.5 })).status).toBe(409);
    });

    it("refuses a local consortium, whose spend is held to its delegated budget", async () => {
      const { services } = fixture();
      const org = await services.auth.createOrganisation({
        name: "Fen Villages Consortium",
        kind: "local-consortium",
      });
      const user = await services.auth.createUser({
        organisationId: org.id,
        email: "commissioner@fen-villages.example",
        displayName: "Fen Villages commissioner",
        role: "commissioner",
        password: PASSWORD,
      });
      const token = (await services.auth.issueApiToken(user.id, "tests")).token;
      const res = await offer([scene.trips.day3], {}, token);
      expect(res.status).toBe(409);
      expect(String((await body(res)).message)).toMatch(/contracts priced by the day/);
    });

    it("shows a driver only the work accepted, never the offers, the buyer's side or payments", async () => {
      const driver = scene.group.driver;
      const received = await call("GET", "/api/commissions?side=received&month=2026-10", driver);
      expect(received.status).toBe(200);
      const statuses = ((await body(received)).items as Json[]).map((c) => c.status);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => ["accepted", "completed", "disputed"].includes(String(s)))).toBe(
        true,
      );
      // The office sees the offers too.
      const office = await call(
        "GET",
        "/api/commissions?side=received&month=2026-10",
        scene.group.operator,
      );
      const all = ((await body(office)).items as Json[]).map((c) => c.status);
      expect(all.length).toBeGreaterThan(statuses.length);
      for (const path of [
        "/api/commissions?side=offered&month=2026-10",
        "/api/community-transport/reconciliation?month=2026-10",
        "/api/community-transport/reconciliation.csv?month=2026-10",
      ]) {
        expect([path, (await call("GET", path, driver)).status]).toEqual([path, 403]);
      }
    });

    it("lets the buyer dispute a journey, and reconciles the month in both audit logs", async () => {
      const { county } = fixture();
      const disputed = await call(
        "POST",
        `/api/commissions/${ids.day2}/dispute`,
        scene.commissioner,
        { reason: "=passenger not carried" },
      );
      expect((await body(disputed)).status).toBe("disputed");
      // 12.3 miles × 52p = 639.6p → 640p payable; 7.5 miles × 52p = 390p held by the dispute.
      const month = await call(
        "GET",
        "/api/community-transport/reconciliation?month=2026-10",
        county.users.finance.token,
      );
      const buyers = (await body(month)).groups as Json[];
      const [rec] = buyers;
      expect(rec).toMatchObject({
        groupName: "Brookmere Community Transport",
        commissioned: 2,
        completed: 2,
        notCompleted: 0,
        disputed: 1,
        declined: 1,
        lapsed: 1,
        mileTenths: 123,
        payablePence: 640,
        disputedMileTenths: 75,
        disputedPence: 390,
      });
      const theirs = await call(
        "GET",
        "/api/community-transport/reconciliation?month=2026-10",
        scene.group.admin,
      );
      expect((await body(theirs)).groups).toEqual(buyers);
      const csv = await call(
        "GET",
        "/api/community-transport/reconciliation.csv?month=2026-10",
        scene.commissioner,
      );
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const rows = (await csv.text()).trimEnd().split("\r\n");
      expect(rows[0]).toMatch(
        /^buyer,group,month,commission,date,passenger reference,status,miles/,
      );
      expect(rows).toHaveLength(6);
      expect(rows.at(-1)).toBe(
        "County,Brookmere Community Transport,2026-10,total,,,,12.3,,,,640,",
      );
      expect(rows.find((r) => r.includes("disputed"))).toContain(
        ",7.5,52,contract:CT-1,390,0,'=passenger not carried",
      );
      for (const org of [county.id, scene.group.id]) {
        const log = await fixture().services.unitOfWork.repositories.audit.list(org, {
          offset: 0,
          limit: 50,
          resource: "commissions",
        });
        const steps = log.items.map((e) => `${e.action}:${e.purpose}`);
        for (const step of [
          "create:commissions: offered",
          "update:commissions: accepted",
          "update:commissions: completed",
          "update:commissions: disputed",
        ]) {
          expect(steps).toContain(step);
        }
      }
      const reads = await fixture().services.unitOfWork.repositories.audit.list(county.id, {
        offset: 0,
        limit: 10,
        resource: "passengers",
      });
      expect(reads.items.some((e) => e.purpose.startsWith("commissions:"))).toBe(true);
    });

    it("erases the home address from the group's trips when the passenger is erased", async () => {
      const { county } = fixture();
      const received = () =>
        call("GET", "/api/commissions?side=received&month=2026-10", scene.group.operator);
      expect(await (await received()).text()).toContain("CB1 0AG");
      const erase = `/api/passengers/${county.rows.passengers}/erasure`;
      const reason = { ground: "consent-withdrawn", requestReference: "SAR-9" };
      expect((await call("POST", erase, county.users.admin.token, reason)).status).toBe(200);
      const text = await (await received()).text();
      expect(text).not.toContain("CB1 0AG");
      const items = JSON.parse(text).items as { trip: { pickup: string; dropoff: string } }[];
      expect(items.map((c) => c.trip.pickup)).toEqual(Array(4).fill("Home (address erased)"));
      expect(items.every((c) => c.trip.dropoff.startsWith("Netherhall School"))).toBe(true);
    });
  });
}
