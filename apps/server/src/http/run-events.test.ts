import { randomUUID } from "node:crypto";
import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, useFixture } from "./test-support/fixture";
import { buildRunScene, DAY, type RunScene } from "./test-support/run-scene";

type Json = Record<string, unknown>;

/** Planned at 08:00 on the day (the scene's stops start at 480): marked 25 minutes late. */
const LATE = `${DAY}T07:25:00Z`;

for (const driver of listTestDrivers()) {
  describe(`the driver's app and the status board (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: RunScene;
    let admin = "";

    const get = (path: string, token: string) => fixture().call("GET", path, { token });
    const send = (token: string, events: unknown) =>
      fixture().call("POST", "/api/run-events", { token, json: { events } });
    const event = (over: Json = {}) => ({
      id: randomUUID(),
      serviceDate: DAY,
      vehicleId: scene.vehicles.mine,
      tripRequestId: scene.trips.mine,
      stop: "pickup",
      kind: "picked-up",
      at: LATE,
      ...over,
    });
    const board = async (token: string) => {
      const res = await get(`/api/status-board?date=${DAY}`, token);
      expect(res.status).toBe(200);
      return (await res.json()) as Json;
    };

    beforeAll(async () => {
      const f: Fixture = fixture();
      scene = await buildRunScene(f);
      admin = f.county.users.admin.token;
      for (const [vehicle, staff] of [
        [scene.vehicles.mine, scene.staff.a],
        [scene.vehicles.theirs, scene.staff.b],
      ] as const) {
        const crewed = await f.call("PUT", `/api/crew/${DAY}/${vehicle}`, {
          token: admin,
          json: { staffIds: [staff] },
        });
        expect(crewed.status).toBe(200);
      }
    });

    it("shows a driver no runs until the day's plan is published, then only their own", async () => {
      const before = await get(`/api/driver/runs?date=${DAY}`, scene.tokens.driverA);
      expect(await before.json()).toEqual({
        serviceDate: DAY,
        published: false,
        runs: [],
        withheld: [],
      });
      const published = await fixture().call("POST", `/api/plans/${scene.planId}/publish`, {
        token: admin,
      });
      expect(published.status).toBe(200);
      const res = await get(`/api/driver/runs?date=${DAY}`, scene.tokens.driverA);
      const day = (await res.json()) as { runs: Json[] };
      expect(day.runs.map((r) => (r.vehicle as Json).id)).toEqual([scene.vehicles.mine]);
      const stops = day.runs[0]?.stops as Json[];
      expect(stops.map((s) => [s.kind, s.time, s.passenger])).toEqual([
        ["pickup", "08:00", "Ada L."],
        ["dropoff", "08:00", "Ada L."],
      ]);
      // Given name and initial only: no family name, reference or birth date reaches the phone.
      const text = JSON.stringify(day);
      for (const hidden of ["Lovelace", "dateOfBirth", 'reference":"P-']) {
        expect(text).not.toContain(hidden);
      }
      const log = await get("/api/audit-log?resource=passengers&limit=20", admin);
      const purposes = ((await log.json()) as { items: Json[] }).items.map((e) => e.purpose);
      expect(purposes).toContain(`driver's app: runs of ${DAY}`);
    });

    it("records a mark once however often it is sent, and refuses another driver's run alone", async () => {
      const pickedUp = event();
      const first = await send(scene.tokens.driverA, [event({ kind: "arrived" }), pickedUp]);
      expect(await first.json()).toEqual({ recorded: 2, duplicates: 0, refused: [] });
      const theirs = event({ vehicleId: scene.vehicles.theirs, tripRequestId: scene.trips.theirs });
      const again = await send(scene.tokens.driverA, [pickedUp, theirs]);
      expect(await again.json()).toEqual({
        recorded: 0,
        duplicates: 1,
        refused: [
          {
            index: 1,
            id: theirs.id,
            message: `you do not crew vehicle ${theirs.vehicleId} on ${DAY}`,
          },
        ],
      });
      const day = (await (
        await get(`/api/driver/runs?date=${DAY}`, scene.tokens.driverA)
      ).json()) as {
        runs: { stops: Json[] }[];
      };
      expect(day.runs[0]?.stops[0]?.progress).toMatchObject({
        outcome: "picked-up",
        outcomeAt: new Date(LATE).toISOString(),
      });
    });

    it("names each badly formed field, and refuses a time ahead of the server's clock", async () => {
      const bad = await send(scene.tokens.driverA, [
        event({ kind: "dropped-off" }),
        event({ kind: "no-show" }),
        event({ at: "08:12" }),
      ]);
      expect(bad.status).toBe(422);
      const paths = ((await bad.json()) as { details: { path: string }[] }).details.map(
        (i) => i.path,
      );
      expect(paths).toEqual(["events.0.kind", "events.1.reason", "events.2.at"]);
      const future = event({ at: new Date(Date.now() + 3_600_000).toISOString() });
      const ahead = await send(scene.tokens.driverA, [future]);
      expect(((await ahead.json()) as Json).refused).toEqual([
        { index: 0, id: future.id, message: "the time is ahead of the server's clock" },
      ]);
      const early = event({ at: "0000-01-01T00:00:00Z" });
      const before = await send(scene.tokens.driverA, [early]);
      expect(((await before.json()) as Json).refused).toEqual([
        { index: 0, id: early.id, message: `the time is before the day of the run (${DAY})` },
      ]);
      const eightDays = Array.from({ length: 8 }, (_, i) =>
        event({ serviceDate: `2026-09-${String(10 + i).padStart(2, "0")}` }),
      );
      expect((await send(scene.tokens.driverA, eightDays)).status).toBe(422);
      const tooMany = await send(
        scene.tokens.driverA,
        Array.from({ length: 501 }, () => event()),
      );
      expect(tooMany.status).toBe(422);
    });

    it("shows the desk each run's progress and the exceptions, and a driver only their run", async () => {
      const noShow = event({
        vehicleId: scene.vehicles.theirs,
        tripRequestId: scene.trips.theirs,
        kind: "no-show",
        reason: "not-at-pickup",
        at: `${DAY}T07:02:00Z`,
      });
      expect(((await (await send(scene.tokens.driverB, [noShow])).json()) as Json).recorded).toBe(
        1,
      );
      const desk = await board(fixture().county.users["booking-agent"].token);
      const runs = desk.runs as Json[];
      expect(runs.map((r) => [r.vehicleId, r.done, r.state, r.noShows])).toEqual(
        expect.arrayContaining([
          [scene.vehicles.mine, 1, "under-way", 0],
          // A no-show's drop-off will not happen: the run is done.
          [scene.vehicles.theirs, 2, "finished", 1],
        ]),
      );
      expect(desk.exceptions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "late", tripReference: "T-county", minutesLate: 25 }),
          expect.objectContaining({
            kind: "no-show",
            tripReference: "T-2",
            reason: "not-at-pickup",
          }),
        ]),
      );
      expect(desk.totals).toMatchObject({ runs: 2, underWay: 1, finished: 1, noShows: 1, late: 1 });
      const own = await board(scene.tokens.driverB);
      expect((own.runs as Json[]).map((r) => r.vehicleId)).toEqual([scene.vehicles.theirs]);
      expect(JSON.stringify(desk)).not.toContain("Lovelace");
    });

    it("streams the board again when a mark arrives", async () => {
      const res = await get(`/api/status-board/events?date=${DAY}`, admin);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = "";
      const boards = () => text.split("event: board").length - 1;
      const readUntil = async (n: number) => {
        while (boards() < n) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value);
        }
      };
      await readUntil(1);
      await send(scene.tokens.driverA, [event({ stop: "dropoff", kind: "dropped-off" })]);
      await readUntil(2);
      await reader.cancel();
      const last = text.split("data: ").at(-1) ?? "";
      expect(JSON.parse(last.split("\n")[0] ?? "{}").totals.finished).toBe(2);
    });

    it("reports completed journeys against the plan, with their figures and a CSV export", async () => {
      const res = await get(`/api/journeys?from=${DAY}&to=${DAY}`, admin);
      expect(res.status).toBe(200);
      const report = (await res.json()) as Json;
      const journeys = report.journeys as Json[];
      // Both runs start at 08:00: in either order.
      const seen = journeys.map((j) => [j.tripReference, j.outcome, j.minutesLate, j.reason]);
      expect(seen).toHaveLength(2);
      expect(seen).toEqual(
        expect.arrayContaining([
          ["T-county", "completed", 25, null],
          ["T-2", "no-show", null, "not-at-pickup"],
        ]),
      );
      const county = journeys.find((j) => j.tripReference === "T-county");
      expect(county).toMatchObject({ plannedPickup: "08:00", actualPickup: "08:25" });
      expect(report.total).toMatchObject({
        journeys: 2,
        completed: 1,
        timed: 1,
        onTime: 0,
        noShows: 1,
      });
      expect(report.noShows).toEqual({ byReason: { "not-at-pickup": 1 }, rate: 0.5 });
      expect((report.byOperator as Json[]).map((o) => o.key).sort()).toEqual([
        "Ribbonway Taxis",
        "own fleet",
      ]);
      const csv = await get(`/api/journeys/export?from=${DAY}&to=${DAY}`, admin);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const lines = (await csv.text()).trim().split("\n");
      expect(lines[0]).toBe(
        "date,tripReference,service,operator,vehicleReference,plannedPickup,actualPickup,minutesLate,plannedDropoff,actualDropoff,rideMinutes,maxRideMinutes,outcome,reason",
      );
      expect(lines).toHaveLength(3);
      const own = (await (
        await get(`/api/journeys?from=${DAY}&to=${DAY}`, scene.tokens.driverB)
      ).json()) as Json;
      expect((own.journeys as Json[]).map((j) => j.tripReference)).toEqual(["T-2"]);
      expect(
        (await get(`/api/journeys?from=${DAY}&to=${DAY}`, fixture().county.users.auditor.token))
          .status,
      ).toBe(403);
      expect((await get(`/api/journeys?from=2026-01-01&to=2026-03-01`, admin)).status).toBe(422);
    });

    it("lists what was marked at a passenger's stops in their subject access export", async () => {
      const { county } = fixture();
      const res = await get(
        `/api/passengers/${county.rows.passengers}/subject-access`,
        county.users.auditor.token,
      );
      const exported = (await res.json()) as { journeyEvents: Json[] };
      // Both of the scene's trips are the same passenger's.
      expect(exported.journeyEvents.map((e) => e.kind).sort()).toEqual([
        "arrived",
        "dropped-off",
        "no-show",
        "picked-up",
      ]);
      expect(JSON.stringify(exported.journeyEvents)).not.toContain("recordedBy");
    });

    it("checks the role before the body, and keeps each organisation to its own day", async () => {
      const { county, city } = fixture();
      const agentPost = await send(county.users["booking-agent"].token, "not a list");
      expect(agentPost.status).toBe(403);
      expect((await get(`/api/status-board?date=${DAY}`, county.users.auditor.token)).status).toBe(
        403,
      );
      const planner = await get(`/api/driver/runs?date=${DAY}`, admin);
      expect(planner.status).toBe(403);
      // The role is refused before the date is looked at.
      expect((await get("/api/driver/runs?date=not-a-date", admin)).status).toBe(403);
      expect((await get("/api/driver/runs?date=2026-02-30", scene.tokens.driverA)).status).toBe(
        422,
      );
      const twice = await get(`/api/status-board/events?date=${DAY}&date=${DAY}`, admin);
      expect(twice.status).toBe(422);
      expect((await get("/api/status-board/events?date=0001-01-01", admin)).status).toBe(422);
      const cityBoard = await board(city.users.admin.token);
      expect(cityBoard).toMatchObject({ planId: null, runs: [], exceptions: [] });
      const cityMark = await send(city.users.admin.token, [event()]);
      expect(((await cityMark.json()) as Json).refused).toEqual([
        expect.objectContaining({ message: `no operating plan is published for ${DAY}` }),
      ]);
      const badDate = await get("/api/status-board?date=2026-02-30", admin);
      expect(badDate.status).toBe(422);
    });
  });
}
