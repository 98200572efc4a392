import { type Actor, loadDayRegister } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aStaffMember, aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** A Thursday: the fixture's trips travel on it. */
const DAY = "2026-09-03";

interface Scene {
  operator: { id: string; token: string };
  minibus: string;
}

/**
 * A minibus firm (an operator user) whose one vehicle is granted to the county all of DAY; the
 * county's own vehicle is kept off duty that morning, so the county's plan needs the minibus.
 */
async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county } = fixture;
  const org = await services.auth.createOrganisation({ name: "Fen Minibuses", kind: "operator" });
  const user = await services.auth.createUser({
    organisationId: org.id,
    email: "operator@fen-minibuses.example",
    displayName: "Fen Minibuses office",
    role: "operator",
    password: PASSWORD,
  });
  const token = (await services.auth.issueApiToken(user.id, "tests")).token;
  const actor: Actor = { userId: user.id, organisationId: org.id, role: "operator" };
  const vehicle = aVehicle({ reference: "FM-01", depotLat: 52.2, depotLon: 0.12 });
  const minibus = await services.register.create(actor, "vehicles", vehicle);
  const granted = await fixture.call("POST", "/api/availability-grants", {
    token,
    json: {
      granteeId: county.id,
      vehicleIds: [minibus.id],
      startTime: "06:00",
      endTime: "19:00",
      validFrom: "2026-09-01",
      validTo: "2027-07-31",
    },
  });
  expect(granted.status).toBe(201);
  const own = { reference: "V-own", kind: "minibus", seats: 8, depotLat: 52.2, depotLon: 0.12 };
  const admin: Actor = {
    userId: county.users.admin.user.id,
    organisationId: county.id,
    role: "admin",
  };
  await services.register.update(admin, "vehicles", county.rows.vehicles, {
    ...own,
    availableFrom: "16:00",
    availableTo: "18:00",
  });
  return { operator: { id: org.id, token }, minibus: minibus.id };
}

/** The county's plan of DAY, as its administrator reads it once made. */
async function planDay({ services, county, call }: Fixture): Promise<Json> {
  const token = county.users.admin.token;
  const started = await call("POST", "/api/plans", { token, json: { date: DAY, iterations: 50 } });
  const jobId = String(((await started.json()) as Json).jobId);
  await services.planning.settled(jobId);
  const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
  const id = String((job.result as Json).planId);
  return (await (await call("GET", `/api/plans/${id}`, { token })).json()) as Json;
}

const mot = (vehicleId: string, expiresOn: string, extra: Json = {}) => ({
  kind: "mot",
  vehicleId,
  issuer: "DVSA",
  number: `MOT-${expiresOn}`,
  expiresOn,
  ...extra,
});

for (const driver of listTestDrivers()) {
  describe(`compliance documents (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;
    let lapsedMot = "";

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    const record = (body: unknown, token = scene.operator.token) =>
      fixture().call("POST", "/api/compliance-documents", { token, json: body });
    const listed = async (token = scene.operator.token) => {
      const res = await fixture().call("GET", "/api/compliance-documents", { token });
      expect(res.status).toBe(200);
      return (await res.json()) as Json;
    };

    it("records an operator's documents and warns of those lapsed or expiring", async () => {
      const made = await record(mot(scene.minibus, "2026-09-02"));
      expect(made.status).toBe(201);
      lapsedMot = String(((await made.json()) as Json).id);
      const insurance = {
        kind: "insurance",
        issuer: "Fenland Mutual",
        number: "FLEET-7",
        expiresOn: "2030-01-31",
      };
      expect((await record(insurance)).status).toBe(201);
      const found = await listed();
      expect((found.items as Json[]).map((d) => d.kind).sort()).toEqual(["insurance", "mot"]);
      // Lapsed before today: warned at 0 days; the insurance is years off, not warned.
      expect(found.warnings).toEqual([
        expect.objectContaining({ documentId: lapsedMot, threshold: 0 }),
      ]);
      expect(found.lapsed).toEqual([
        {
          kind: "mot",
          vehicleId: scene.minibus,
          number: "MOT-2026-09-02",
          expiredOn: "2026-09-02",
        },
      ]);
      expect(found.vehicles).toEqual({ [scene.minibus]: "FM-01" });
      // Every change is in the operator's audit log.
      const { services, call } = fixture();
      const log = await services.unitOfWork.repositories.audit.list(scene.operator.id, {
        offset: 0,
        limit: 20,
        resource: "compliance",
      });
      expect(log.items.map((e) => e.action)).toEqual(["create", "create"]);
      // The county sees none of them, and cannot delete them.
      const county = fixture().county;
      expect((await listed(county.users.admin.token)).items).toEqual([]);
      const gone = await call("DELETE", `/api/compliance-documents/${lapsedMot}`, {
        token: county.users.admin.token,
      });
      expect(gone.status).toBe(404);
    });

    it("holds back a vehicle whose MOT lapsed, names why in the plan, and plans it once renewed", async () => {
      const { services, county } = fixture();
      const day = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(day.vehicles.map((v) => v.id)).not.toContain(scene.minibus);
      expect(day.heldBack?.map((h) => [h.vehicle.reference, h.lapses.map((l) => l.kind)])).toEqual([
        ["FM-01", ["mot"]],
      ]);
      const plan = await planDay(fixture());
      expect((plan.runs as Json[]).map((r) => r.vehicleId)).not.toContain(scene.minibus);
      const issues = (plan.summary as Json).issues as Json[];
      expect(issues).toContainEqual(
        expect.objectContaining({
          kind: "vehicle-held-back",
          vehicleId: scene.minibus,
          message:
            "FM-01 is not planned on 2026-09-03: MOT certificate MOT-2026-09-02 expired on 2026-09-02",
        }),
      );
      // The trip it could have carried says so.
      const [unserved] = plan.unassigned as Json[];
      expect(String(unserved?.message)).toContain(
        "Held back for a lapsed compliance document, and able to carry it: FM-01 (MOT certificate MOT-2026-09-02 expired on 2026-09-02).",
      );
      // A renewal in force from the day puts it back.
      expect((await record(mot(scene.minibus, "2027-09-02", { validFrom: DAY }))).status).toBe(201);
      const renewed = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(renewed.vehicles.map((v) => v.id)).toContain(scene.minibus);
      expect(renewed.heldBack).toEqual([]);
    });

    it("holds back every vehicle of an operator whose licence lapsed", async () => {
      const { services, county } = fixture();
      const licence = {
        kind: "psv-operator-licence",
        issuer: "Traffic Commissioner for the East of England",
        number: "PB1234567",
        expiresOn: "2026-08-31",
      };
      const made = await record(licence);
      expect(made.status).toBe(201);
      const day = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(day.vehicles.map((v) => v.id)).not.toContain(scene.minibus);
      expect(day.heldBack?.[0]?.lapses.map((l) => l.kind)).toEqual(["psv-operator-licence"]);
      // The county's own vehicle is not the operator's: still planned.
      expect(day.vehicles.map((v) => v.id)).toContain(county.rows.vehicles);
      const id = String(((await made.json()) as Json).id);
      const removed = await fixture().call("DELETE", `/api/compliance-documents/${id}`, {
        token: scene.operator.token,
      });
      expect(removed.status).toBe(204);
      const after = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(after.vehicles.map((v) => v.id)).toContain(scene.minibus);
    });

    it("rosters no passenger assistant whose DBS check lapsed, and says so where a passenger needs one", async () => {
      const { services, county } = fixture();
      const admin: Actor = {
        userId: county.users.admin.user.id,
        organisationId: county.id,
        role: "admin",
      };
      const repos = services.unitOfWork.repositories;
      const passenger = await repos.passengers.find(county.id, county.rows.passengers);
      if (!passenger) throw new Error("the fixture's passenger");
      const { id: _id, organisationId: _org, createdAt: _c, updatedAt: _u, ...input } = passenger;
      await services.register.update(admin, "passengers", passenger.id, {
        ...input,
        needs: { ...input.needs, passengerAssistant: true },
      });
      const assistant = await services.register.create(
        admin,
        "staff",
        aStaffMember({
          reference: "PA-9",
          role: "passenger-assistant",
          dbsExpiry: "2026-09-01",
          shifts: [{ weekdays: ["thu"], start: "06:00", end: "19:00" }],
        }),
      );
      const planOf = () => planDay(fixture());
      const lapsed = await planOf();
      expect((lapsed.summary as Json).issues).toContainEqual(
        expect.objectContaining({
          kind: "assistant-held-back",
          message:
            "A passenger assistant is not rostered on 2026-09-03: PA-9's DBS check expired on 2026-09-01",
        }),
      );
      const [unserved] = lapsed.unassigned as Json[];
      expect(String(unserved?.message)).toContain(
        "Passenger assistants not rostered for a lapsed check: PA-9's DBS check expired on 2026-09-01.",
      );
      // Renewed, the assistant rides the minibus and the passenger travels.
      const { id: staffId, organisationId: _o, createdAt: _sc, updatedAt: _su, ...pa } = assistant;
      await services.register.update(admin, "staff", staffId, { ...pa, dbsExpiry: "2029-09-01" });
      const renewed = await planOf();
      expect(renewed.unassigned).toEqual([]);
      expect((renewed.summary as Json).issues).not.toContainEqual(
        expect.objectContaining({ kind: "assistant-held-back" }),
      );
    });

    it("checks the role first, and what a document names", async () => {
      const { county, city } = fixture();
      for (const role of ["driver", "booking-agent"] as const) {
        const res = await record(mot(scene.minibus, "2027-01-01"), county.users[role].token);
        expect([role, res.status]).toEqual([role, 403]);
      }
      const read = await fixture().call("GET", "/api/compliance-documents", {
        token: county.users.driver.token,
      });
      expect(read.status).toBe(403);
      expect((await listed(city.users.auditor.token)).items).toEqual([]);
      const paths = async (body: unknown) => {
        const res = await record(body);
        expect(res.status).toBe(422);
        return (((await res.json()) as Json).details as Json[]).map((d) => d.path);
      };
      expect(await paths({ ...mot(scene.minibus, "2027-01-01"), vehicleId: undefined })).toEqual([
        "vehicleId",
      ]);
      // Another organisation's vehicle is not the operator's to certify.
      expect(await paths(mot(county.rows.vehicles, "2027-01-01"))).toEqual(["vehicleId"]);
      expect(await paths({ ...mot(scene.minibus, "2027-02-30"), kind: "bus-pass" })).toEqual(
        expect.arrayContaining(["kind", "expiresOn"]),
      );
      expect(await paths({ ...mot(scene.minibus, "2027-01-01"), issuer: "x".repeat(121) })).toEqual(
        ["issuer"],
      );
    });
  });
}
