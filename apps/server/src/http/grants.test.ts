import { type Actor, loadDayRegister } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aTripRequest, aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** A Thursday: the fixture's trips travel on it. */
const DAY = "2026-09-03";

interface Scene {
  operator: { id: string; token: string; admin: Actor };
  shared: string;
}

const adminOf = (org: { id: string; users: { admin: { user: { id: string } } } }): Actor => ({
  userId: org.users.admin.user.id,
  organisationId: org.id,
  role: "admin",
});

/**
 * A taxi firm with one vehicle, which both councils will plan with: the county in the morning,
 * the city in the afternoon. Each council's own vehicle works only when the other is at work, and
 * the city gets an afternoon trip home, so each plan needs the shared vehicle.
 */
async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county, city } = fixture;
  const org = await services.auth.createOrganisation({ name: "Ribbonway Taxis", kind: "operator" });
  const user = await services.auth.createUser({
    organisationId: org.id,
    email: "admin@ribbonway.example",
    displayName: "Ribbonway admin",
    role: "admin",
    password: PASSWORD,
  });
  const token = (await services.auth.issueApiToken(user.id, "tests")).token;
  const admin: Actor = { userId: user.id, organisationId: org.id, role: "admin" };
  const taxi = aVehicle({ reference: "RT-T-01", depotLat: 52.2, depotLon: 0.12 });
  const shared = await services.register.create(admin, "vehicles", {
    ...taxi,
    costPerKmPence: 60,
  });
  const own = { reference: "V-own", kind: "minibus", seats: 8, depotLat: 52.2, depotLon: 0.12 };
  await services.register.update(adminOf(county), "vehicles", county.rows.vehicles, {
    ...own,
    availableFrom: "16:00",
    availableTo: "18:00",
  });
  await services.register.update(adminOf(city), "vehicles", city.rows.vehicles, {
    ...own,
    availableFrom: "06:00",
    availableTo: "06:30",
  });
  const home = aTripRequest(
    { passengerId: city.rows.passengers, funderId: city.rows.funders, placeId: city.rows.places },
    {
      reference: "T-home",
      origin: { kind: "place", placeId: city.rows.places },
      destination: { kind: "home" },
      timing: "depart-after",
      time: "15:30",
      recurrence: { kind: "one-off", date: DAY },
    },
  );
  await services.register.create(adminOf(city), "tripRequests", home);
  return { operator: { id: org.id, token, admin }, shared: shared.id };
}

const grant = (granteeId: string, vehicleId: string, startTime: string, endTime: string) => ({
  granteeId,
  vehicleIds: [vehicleId],
  startTime,
  endTime,
  validFrom: "2026-09-01",
  validTo: "2027-07-31",
});

/** Minutes the vehicle's runs span in the organisation's newest plan, or undefined. */
async function busyOn(fixture: Fixture, token: string, vehicleId: string) {
  const { call } = fixture;
  const started = await call("POST", "/api/plans", { token, json: { date: DAY, iterations: 50 } });
  const jobId = String(((await started.json()) as Json).jobId);
  await fixture.services.planning.settled(jobId);
  const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
  const planId = String((job.result as Json).planId);
  const plan = (await (await call("GET", `/api/plans/${planId}`, { token })).json()) as Json;
  const run = (plan.runs as { vehicleId: string; stops: { start: number }[] }[]).find(
    (r) => r.vehicleId === vehicleId,
  );
  if (!run) return undefined;
  const times = run.stops.map((s) => s.start);
  return { planId, from: Math.min(...times), to: Math.max(...times) };
}

for (const driver of listTestDrivers()) {
  describe(`availability grants (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;
    let morning = "";

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    const offer = (body: unknown, token = scene.operator.token) =>
      fixture().call("POST", "/api/availability-grants", { token, json: body });

    it("offers a vehicle by hours and refuses a second grant that overlaps them", async () => {
      const { county, city } = fixture();
      const first = await offer(grant(county.id, scene.shared, "07:00", "10:00"));
      expect(first.status).toBe(201);
      morning = String(((await first.json()) as Json).id);
      const clash = await offer(grant(city.id, scene.shared, "09:30", "12:00"));
      expect(clash.status).toBe(409);
      expect(JSON.stringify(await clash.json())).toContain("RT-T-01 is granted");
      expect((await offer(grant(city.id, scene.shared, "14:00", "18:00"))).status).toBe(201);
    });

    it("never plans the vehicle into overlapping runs of the two councils", async () => {
      const { county, city } = fixture();
      const am = await busyOn(fixture(), county.users.admin.token, scene.shared);
      const pm = await busyOn(fixture(), city.users.admin.token, scene.shared);
      // Both plans use the one vehicle record (no copies), each within its own grant's hours.
      expect(am && pm).toBeTruthy();
      if (!am || !pm) return;
      expect(am.from).toBeGreaterThanOrEqual(7 * 60);
      expect(am.to).toBeLessThanOrEqual(10 * 60);
      expect(pm.from).toBeGreaterThanOrEqual(14 * 60);
      expect(am.to < pm.from || pm.to < am.from).toBe(true);
      const manifest = await fixture().call(
        "GET",
        `/api/plans/${am.planId}/runs/${scene.shared}/manifest`,
        { token: county.users.admin.token },
      );
      expect(manifest.status).toBe(200);
      expect(((await manifest.json()) as { vehicle: Json }).vehicle.reference).toBe("RT-T-01");
    });

    it("keeps a vehicle granted away out of its owner's own plan that day", async () => {
      const { services } = fixture();
      const owner = await loadDayRegister(services.unitOfWork, scene.operator.id, DAY);
      expect(owner.vehicles.map((v) => v.id)).not.toContain(scene.shared);
      const sunday = await loadDayRegister(services.unitOfWork, scene.operator.id, "2026-09-06");
      expect(sunday.vehicles.map((v) => v.id)).toContain(scene.shared);
    });

    it("lists grants made and received, and withdraws one only for its grantor", async () => {
      const { call, county, city, services } = fixture();
      const received = await call("GET", "/api/availability-grants?direction=received", {
        token: county.users["booking-agent"].token,
      });
      expect(((await received.json()) as { items: Json[] }).items.map((g) => g.id)).toEqual([
        morning,
      ]);
      const path = `/api/availability-grants/${morning}`;
      expect((await call("DELETE", path, { token: city.users.admin.token })).status).toBe(404);
      expect((await call("DELETE", path, { token: scene.operator.token })).status).toBe(204);
      const after = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(after.vehicles.map((v) => v.id)).not.toContain(scene.shared);
    });

    it("checks the role first, and what a grant names", async () => {
      const { county } = fixture();
      const agent = await offer("nonsense", county.users["booking-agent"].token);
      expect(agent.status).toBe(403);
      const self = await offer(grant(scene.operator.id, scene.shared, "07:00", "08:00"));
      expect(self.status).toBe(422);
      const notMine = await offer(grant(county.id, county.rows.vehicles, "07:00", "08:00"));
      expect(notMine.status).toBe(404);
      const backwards = await offer(grant(county.id, scene.shared, "10:00", "07:00"));
      expect(backwards.status).toBe(422);
      expect(JSON.stringify(await backwards.json())).toContain("endTime");
    });
  });
}
