import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, useFixture } from "./test-support/fixture";
import { buildRunScene, DAY, type RunScene } from "./test-support/run-scene";

type Json = Record<string, unknown>;

for (const driver of listTestDrivers()) {
  describe(`least privilege on runs (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: RunScene;

    beforeAll(async () => {
      scene = await buildRunScene(fixture());
    });

    const crew = (token: string, vehicleId: string, staffIds: unknown) =>
      fixture().call("PUT", `/api/crew/${DAY}/${vehicleId}`, { token, json: { staffIds } });
    const runsOf = async (token: string) => {
      const res = await fixture().call("GET", `/api/plans/${scene.planId}`, { token });
      expect(res.status).toBe(200);
      const plan = (await res.json()) as Json;
      return { runs: (plan.runs as Json[]).map((r) => r.vehicleId), unassigned: plan.unassigned };
    };
    const manifest = (token: string, vehicleId: string) =>
      fixture().call("GET", `/api/plans/${scene.planId}/runs/${vehicleId}/manifest`, { token });

    it("crews each vehicle with its driver (staff write), answering the day's rota", async () => {
      const admin = fixture().county.users.admin.token;
      expect((await crew(admin, scene.vehicles.mine, [scene.staff.a])).status).toBe(200);
      const res = await crew(admin, scene.vehicles.theirs, [scene.staff.b]);
      expect(res.status).toBe(200);
      const rota = ((await res.json()) as { items: Json[] }).items;
      expect(rota.map((a) => [a.vehicleId, a.staffId]).sort()).toEqual(
        [
          [scene.vehicles.mine, scene.staff.a],
          [scene.vehicles.theirs, scene.staff.b],
        ].sort(),
      );
    });

    it("shows a driver only the run they crew: the plan, the map and the manifest", async () => {
      const { driverA } = scene.tokens;
      expect(await runsOf(driverA)).toEqual({ runs: [scene.vehicles.mine], unassigned: [] });
      const map = (await (
        await fixture().call("GET", `/api/plans/${scene.planId}/map`, { token: driverA })
      ).json()) as { runs: { vehicleId: string; stops: Json[] }[] };
      expect(map.runs.map((r) => r.vehicleId)).toEqual([scene.vehicles.mine]);
      // A role that may not read passengers gets no trip references on the map.
      expect(map.runs[0]?.stops.every((s) => s.tripReference === null)).toBe(true);
      expect((await manifest(driverA, scene.vehicles.mine)).status).toBe(200);
    });

    it("answers 404 to a driver reading another driver's run", async () => {
      const res = await manifest(scene.tokens.driverA, scene.vehicles.theirs);
      expect(res.status).toBe(404);
      expect((await manifest(scene.tokens.driverB, scene.vehicles.mine)).status).toBe(404);
      expect(await runsOf(scene.tokens.driverB)).toEqual({
        runs: [scene.vehicles.theirs],
        unassigned: [],
      });
    });

    it("shows a driver without a staff record no run at all", async () => {
      const unlinked = fixture().county.users.driver.token;
      expect(await runsOf(unlinked)).toEqual({ runs: [], unassigned: [] });
      expect((await manifest(unlinked, scene.vehicles.mine)).status).toBe(404);
    });

    it("shows a fleet manager only the runs on their operator's vehicles", async () => {
      const { fleetManager } = scene.tokens;
      expect(await runsOf(fleetManager)).toEqual({ runs: [scene.vehicles.theirs], unassigned: [] });
      expect((await manifest(fleetManager, scene.vehicles.mine)).status).toBe(404);
      expect((await manifest(fleetManager, scene.vehicles.theirs)).status).toBe(200);
    });

    it("lets a fleet manager crew only their own operator's vehicles", async () => {
      const { fleetManager } = scene.tokens;
      expect((await crew(fleetManager, scene.vehicles.mine, [scene.staff.b])).status).toBe(404);
      expect((await crew(fleetManager, scene.vehicles.theirs, [scene.staff.a])).status).toBe(404);
      expect((await crew(fleetManager, scene.vehicles.theirs, [scene.staff.b])).status).toBe(200);
    });

    it("keeps planners seeing every run", async () => {
      const { runs } = await runsOf(fixture().county.users.admin.token);
      expect(runs.sort()).toEqual([scene.vehicles.mine, scene.vehicles.theirs].sort());
    });

    it("refuses a person on two vehicles a day, a lapsed check and two drivers", async () => {
      const admin = fixture().county.users.admin.token;
      const twice = await crew(admin, scene.vehicles.theirs, [scene.staff.a]);
      expect(twice.status).toBe(409);
      expect(JSON.stringify(await twice.json())).toContain("D-A already crews");
      const lapsed = await crew(admin, scene.vehicles.theirs, [scene.staff.lapsed]);
      expect(lapsed.status).toBe(422);
      expect(JSON.stringify(await lapsed.json())).toContain("D-L's DBS check has lapsed");
      const two = await crew(admin, scene.vehicles.mine, [scene.staff.a, scene.staff.b]);
      expect(two.status).toBe(422);
      expect(JSON.stringify(await two.json())).toContain("a vehicle has one driver");
      const assistants: string[] = [];
      for (const n of [1, 2, 3, 4]) {
        const made = await fixture().call("POST", "/api/staff", {
          token: admin,
          json: {
            reference: `PA-${n}`,
            name: "Pat Assistant",
            role: "passenger-assistant",
            dbsExpiry: "2030-01-31",
          },
        });
        assistants.push(String(((await made.json()) as Json).id));
      }
      const four = await crew(admin, scene.vehicles.theirs, assistants);
      expect(four.status).toBe(422);
      expect(JSON.stringify(await four.json())).toContain("at most 3 passenger assistants");
      // Nothing changed: driver A still sees their run.
      expect((await runsOf(scene.tokens.driverA)).runs).toEqual([scene.vehicles.mine]);
    });

    it("checks the role before the body, and scopes crew to the organisation", async () => {
      const { county, city } = fixture();
      const asDriver = await crew(county.users.driver.token, scene.vehicles.mine, "not a list");
      expect(asDriver.status).toBe(403);
      const asAgent = await fixture().call("GET", `/api/crew/${DAY}`, {
        token: county.users["booking-agent"].token,
      });
      expect(asAgent.status).toBe(403);
      const elsewhere = await crew(city.users.admin.token, scene.vehicles.mine, [scene.staff.a]);
      expect(elsewhere.status).toBe(404);
      const cityRota = await fixture().call("GET", `/api/crew/${DAY}`, {
        token: city.users.admin.token,
      });
      expect(((await cityRota.json()) as { items: unknown[] }).items).toEqual([]);
      expect((await crew(county.users.admin.token, scene.vehicles.mine, ["x"])).status).toBe(422);
    });

    it("audits crewing and each manifest a driver opens", async () => {
      const token = fixture().county.users.auditor.token;
      const res = await fixture().call("GET", "/api/audit-log?resource=staff&limit=50", { token });
      const entries = ((await res.json()) as { items: Json[] }).items;
      expect(
        entries.some((e) => e.action === "update" && String(e.purpose).startsWith("crew:")),
      ).toBe(true);
      const passengers = await fixture().call(
        "GET",
        "/api/audit-log?resource=passengers&limit=50",
        {
          token,
        },
      );
      const reads = ((await passengers.json()) as { items: Json[] }).items;
      expect(reads.some((e) => String(e.purpose).startsWith("manifest: run of"))).toBe(true);
    });

    it("refuses to link a user to another organisation's staff record or the wrong role", async () => {
      const { services, county, city } = fixture();
      const base = { organisationId: city.id, displayName: "x", password: PASSWORD };
      await expect(
        services.auth.createUser({
          ...base,
          email: "x1@city.example",
          role: "driver",
          staffId: scene.staff.a,
        }),
      ).rejects.toMatchObject({ code: "not-found" });
      await expect(
        services.auth.createUser({
          ...base,
          organisationId: county.id,
          email: "x2@county.example",
          role: "finance",
          staffId: scene.staff.a,
        }),
      ).rejects.toMatchObject({ code: "validation-failed" });
    });
  });
}
