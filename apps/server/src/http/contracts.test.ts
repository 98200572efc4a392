import { type Actor, loadDayRegister } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** A Thursday: the fixture's trips travel on it. */
const DAY = "2026-09-03";
/** The services' clock: the hand-backs' days are still to come, whenever the tests run. */
const TODAY = { now: () => new Date("2026-12-01T09:00:00Z") };

interface Scene {
  operator: { id: string; token: string; actor: Actor };
  minibus: string;
  spare: string;
}

/**
 * A minibus firm (an operator user) with two vehicles, both granted to the county all of DAY at
 * the grant's rates; the county's own vehicle is off duty that morning, so its plan needs them.
 */
async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county } = fixture;
  const org = await services.auth.createOrganisation({ name: "Cam Minibuses", kind: "operator" });
  const user = await services.auth.createUser({
    organisationId: org.id,
    email: "operator@cam-minibuses.example",
    displayName: "Cam Minibuses office",
    role: "operator",
    password: PASSWORD,
  });
  const token = (await services.auth.issueApiToken(user.id, "tests")).token;
  const actor: Actor = { userId: user.id, organisationId: org.id, role: "operator" };
  const at = { depotLat: 52.2, depotLon: 0.12, fixedCostPence: 9_000, costPerKmPence: 90 };
  const minibus = await services.register.create(
    actor,
    "vehicles",
    aVehicle({ reference: "CM-01", ...at }),
  );
  const spare = await services.register.create(
    actor,
    "vehicles",
    aVehicle({ reference: "CM-02", ...at, availableFrom: "15:00" }),
  );
  const granted = await fixture.call("POST", "/api/availability-grants", {
    token,
    json: {
      granteeId: county.id,
      vehicleIds: [minibus.id, spare.id],
      startTime: "06:00",
      endTime: "19:00",
      validFrom: "2026-08-01",
      validTo: "2027-07-31",
    },
  });
  expect(granted.status).toBe(201);
  const admin: Actor = {
    userId: county.users.admin.user.id,
    organisationId: county.id,
    role: "admin",
  };
  const own = { reference: "V-own", kind: "minibus", seats: 8, depotLat: 52.2, depotLon: 0.12 };
  await services.register.update(admin, "vehicles", county.rows.vehicles, {
    ...own,
    availableFrom: "16:00",
    availableTo: "18:00",
  });
  return { operator: { id: org.id, token, actor }, minibus: minibus.id, spare: spare.id };
}

/** A new user of `role` in the organisation, and their API token. */
async function tokenOf(
  fixture: Fixture,
  organisationId: string,
  role: "commissioner" | "operator" | "admin",
): Promise<string> {
  const user = await fixture.services.auth.createUser({
    organisationId,
    email: `${role}-${organisationId.slice(0, 8)}@contracts.example`,
    displayName: `Contracts ${role}`,
    role,
    password: PASSWORD,
  });
  return (await fixture.services.auth.issueApiToken(user.id, "tests")).token;
}

for (const driver of listTestDrivers()) {
  describe(`the contract register (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { clock: TODAY });
    let scene: Scene;
    let dayContract = "";
    let planId = "";
    let commissioner = "";
    let inHouseOperator = "";

    beforeAll(async () => {
      scene = await buildScene(fixture());
      commissioner = await tokenOf(fixture(), fixture().county.id, "commissioner");
      inHouseOperator = await tokenOf(fixture(), fixture().county.id, "operator");
    });

    const terms = (over: Json = {}) => ({
      operatorId: scene.operator.id,
      reference: "C-101",
      title: "Cambridge schools, mornings",
      funderIds: [fixture().county.rows.funders],
      price: { basis: "per-day", pence: 18_500 },
      vehicleIds: [scene.minibus],
      runs: ["SCH-12 AM"],
      startsOn: "2026-09-01",
      endsOn: "2027-08-31",
      breakDates: ["2027-04-01"],
      ...over,
    });
    const call = (method: string, path: string, token: string, json?: unknown) =>
      fixture().call(method, path, { token, ...(json === undefined ? {} : { json }) });
    const body = async (res: Response) => (await res.json()) as Json;
    const paths = async (res: Response) => {
      expect(res.status).toBe(422);
      return ((await body(res)).details as Json[]).map((d) => d.path);
    };

    it("records a buyer's draft contract, which both parties read and nobody else", async () => {
      const { county, city } = fixture();
      const made = await call("POST", "/api/contracts", commissioner, terms());
      expect(made.status).toBe(201);
      const contract = await body(made);
      dayContract = String(contract.id);
      expect(contract).toMatchObject({
        status: "draft",
        buyerId: county.id,
        operatorName: "Cam Minibuses",
        vehicleReferences: ["CM-01"],
      });
      const again = await call("POST", "/api/contracts", county.users.admin.token, terms());
      expect(again.status).toBe(409);
      const supplied = await call("GET", "/api/contracts?side=supplied", scene.operator.token);
      expect(((await body(supplied)).items as Json[]).map((c) => c.id)).toEqual([dayContract]);
      const seen = await call("GET", `/api/contracts/${dayContract}`, county.users.finance.token);
      expect(seen.status).toBe(200);
      expect(
        (await call("GET", `/api/contracts/${dayContract}`, city.users.admin.token)).status,
      ).toBe(404);
      const cityList = await call("GET", "/api/contracts", city.users.admin.token);
      expect((await body(cityList)).items).toEqual([]);
      const log = await fixture().services.unitOfWork.repositories.audit.list(scene.operator.id, {
        offset: 0,
        limit: 10,
        resource: "contracts",
      });
      expect(log.items.map((e) => e.action)).toEqual(["create"]);
    });

    it("checks the role before the body, and names what is wrong", async () => {
      const { county, city } = fixture();
      // Operators read contracts but do not write them, their own operator included.
      for (const token of [scene.operator.token, inHouseOperator, county.users.finance.token]) {
        const res = await call("POST", "/api/contracts", token, "{not json");
        expect(res.status).toBe(403);
      }
      for (const role of ["driver", "booking-agent"] as const) {
        const res = await call("GET", "/api/contracts", county.users[role].token);
        expect([role, res.status]).toEqual([role, 403]);
      }
      const refused = async (over: Json) =>
        paths(
          await call("POST", "/api/contracts", commissioner, terms({ reference: "X", ...over })),
        );
      // Another organisation's vehicle, the city's funder, an impossible date.
      expect(await refused({ vehicleIds: [county.rows.vehicles] })).toEqual(["vehicleIds.0"]);
      expect(await refused({ funderIds: [city.rows.funders] })).toEqual(["funderIds.0"]);
      expect(await refused({ endsOn: "2027-02-30" })).toEqual(["endsOn"]);
      // The county itself is no operator.
      expect(await refused({ operatorId: county.id })).toEqual(["operatorId"]);
      // An operator cannot buy.
      const adminToken = await tokenOf(fixture(), scene.operator.id, "admin");
      expect(
        (await call("POST", "/api/contracts", adminToken, terms({ reference: "X" }))).status,
      ).toBe(403);
    });

    it("prices its vehicle in the buyer's plans once signed, and only while in force", async () => {
      const { services, county } = fixture();
      const token = commissioner;
      const before = await loadDayRegister(services.unitOfWork, county.id, DAY);
      const unsigned = before.vehicles.find((v) => v.id === scene.minibus);
      expect(unsigned).toMatchObject({ fixedCostPence: 9_000, costPerKmPence: 90 });
      // The buyer's in-house operator cannot sign; the commissioner can.
      const byOperator = await call(
        "POST",
        `/api/contracts/${dayContract}/status`,
        inHouseOperator,
        {
          status: "active",
        },
      );
      expect(byOperator.status).toBe(403);
      const signed = await call("POST", `/api/contracts/${dayContract}/status`, token, {
        status: "active",
      });
      expect(signed.status).toBe(200);
      const after = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(after.vehicles.find((v) => v.id === scene.minibus)).toMatchObject({
        fixedCostPence: 18_500,
        costPerKmPence: 0,
        costPerHourPence: 0,
        contract: "C-101",
      });
      // Not before it starts.
      const earlier = await loadDayRegister(services.unitOfWork, county.id, "2026-08-27");
      expect(earlier.vehicles.find((v) => v.id === scene.minibus)?.fixedCostPence).toBe(9_000);
      // The day's plan costs the run at the contract's price.
      const started = await call("POST", "/api/plans", token, { date: DAY, iterations: 50 });
      const jobId = String((await body(started)).jobId);
      await services.planning.settled(jobId);
      const job = await body(await call("GET", `/api/jobs/${jobId}`, token));
      planId = String((job.result as Json).planId);
      const plan = await body(await call("GET", `/api/plans/${planId}`, token));
      const runs = plan.runs as Json[];
      expect(runs.map((r) => [r.vehicleId, r.costPence])).toEqual([[scene.minibus, 18_500]]);
      // A signed contract's terms no longer change.
      const changed = await call(
        "PUT",
        `/api/contracts/${dayContract}`,
        token,
        terms({ title: "Other" }),
      );
      expect(changed.status).toBe(409);
    });

    it("proposes lots from the plan's runs, naming no passenger", async () => {
      const { county, city } = fixture();
      const lots = async (rule: string, token = commissioner) =>
        call("GET", `/api/plans/${planId}/lots?rule=${rule}`, token);
      const bySchool = await lots("school");
      expect(bySchool.status).toBe(200);
      const text = await bySchool.text();
      expect(text).not.toMatch(/Ada|Lovelace/);
      const proposed = JSON.parse(text) as Json;
      // The fixture's one trip, once, to Netherhall School on 3 September 2026.
      expect(proposed.lots).toEqual([
        {
          name: "Netherhall School",
          runs: [
            expect.objectContaining({ vehicleReference: "CM-01", trips: 1, costPence: 18_500 }),
          ],
          daysPerYear: 1,
          costPerDayPence: 18_500,
          estimatedCostPence: 18_500,
          needs: { seats: 1, wheelchairs: 0, vehicleKinds: ["minibus"] },
        },
      ]);
      for (const rule of ["vehicle-type", "time-band"]) {
        const res = await lots(rule, county.users.finance.token);
        const body = (await res.json()) as Json;
        expect([
          rule,
          (body.lots as Json[]).flatMap((l) => (l.runs as Json[]).map((r) => r.vehicleReference)),
        ]).toEqual([rule, ["CM-01"]]);
      }
      expect((await lots("parish")).status).toBe(422);
      for (const token of [county.users["booking-agent"].token, county.users.driver.token]) {
        expect((await lots("school", token)).status).toBe(403);
      }
      // Another organisation's plan, whoever asks: the operator and the city read contracts.
      for (const token of [scene.operator.token, city.users.admin.token]) {
        expect((await lots("school", token)).status).toBe(404);
      }
    });

    it("prices a vehicle per trip for the engine", async () => {
      const { services, county } = fixture();
      const token = commissioner;
      const perTrip = terms({
        reference: "C-102",
        price: { basis: "per-trip", pence: 700 },
        vehicleIds: [scene.spare],
      });
      const made = await body(await call("POST", "/api/contracts", token, perTrip));
      await call("POST", `/api/contracts/${String(made.id)}/status`, token, { status: "active" });
      const day = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(day.vehicles.find((v) => v.id === scene.spare)).toMatchObject({
        fixedCostPence: 0,
        costPerKmPence: 0,
        costPerTripPence: 700,
        contract: "C-102",
      });
    });

    it("ends at a break date (the buyer) or is handed back (the operator), in both audit logs", async () => {
      const { county } = fixture();
      const token = commissioner;
      const move = (json: Json, who = token) =>
        call("POST", `/api/contracts/${dayContract}/status`, who, json);
      const notBreak = await move({
        status: "terminated",
        endedOn: "2027-03-01",
        reason: "re-let",
      });
      expect(notBreak.status).toBe(409);
      expect(String((await body(notBreak)).message)).toMatch(/break dates/);
      expect((await move({ status: "terminated", endedOn: "2027-04-01" })).status).toBe(422);
      // The buyer cannot hand back (its administrator neither: not its contract to hand back);
      // the operator can, from a day not yet past. An operator cannot sign or end it.
      const handBack = (json: unknown, who: string) =>
        call("POST", `/api/contracts/${dayContract}/hand-back`, who, json);
      const ending = { endedOn: "2027-01-04", reason: "no driver" };
      expect((await handBack("{not json", token)).status).toBe(403);
      expect((await handBack(ending, county.users.admin.token)).status).toBe(403);
      expect((await move({ status: "active" }, scene.operator.token)).status).toBe(403);
      expect(
        (await handBack({ ...ending, endedOn: "2026-01-04" }, scene.operator.token)).status,
      ).toBe(409);
      const back = await handBack(ending, scene.operator.token);
      expect(back.status).toBe(200);
      expect(await body(back)).toMatchObject({ status: "handed-back", endedOn: "2027-01-04" });
      // Handed back, the minibus leaves the county's work from that day: its grant ends the day
      // before, and nothing more is granted.
      const day = await loadDayRegister(fixture().services.unitOfWork, county.id, "2027-01-07");
      expect(day.vehicles.some((v) => v.id === scene.minibus)).toBe(false);
      const before = await loadDayRegister(fixture().services.unitOfWork, county.id, "2026-12-31");
      expect(before.vehicles.some((v) => v.id === scene.minibus)).toBe(true);
      for (const org of [county.id, scene.operator.id]) {
        const log = await fixture().services.unitOfWork.repositories.audit.list(org, {
          offset: 0,
          limit: 20,
          resource: "contracts",
        });
        expect(log.items.map((e) => e.purpose)).toContain("contracts: handed-back");
      }
    });

    it("proposes aligning the buyer's expiry dates", async () => {
      const { county } = fixture();
      const token = commissioner;
      const early = await body(
        await call(
          "POST",
          "/api/contracts",
          token,
          terms({ reference: "C-103", vehicleIds: [], endsOn: "2027-07-23", breakDates: [] }),
        ),
      );
      await call("POST", `/api/contracts/${String(early.id)}/status`, token, { status: "active" });
      const res = await call("GET", "/api/contracts/alignment", county.users.finance.token);
      expect(res.status).toBe(200);
      const { groups } = await body(res);
      expect(groups).toEqual([
        {
          alignTo: "2027-08-31",
          steps: [
            expect.objectContaining({ reference: "C-102", proposal: "as-is" }),
            expect.objectContaining({ reference: "C-103", proposal: "extend", days: 39 }),
          ],
        },
      ]);
    });

    it("prices only the vehicles the operator granted: a contract the buyer records brings none", async () => {
      const { services, county } = fixture();
      const at = { depotLat: 52.2, depotLon: 0.12, fixedCostPence: 9_000, costPerKmPence: 90 };
      const free = await services.register.create(
        scene.operator.actor,
        "vehicles",
        aVehicle({ reference: "CM-09", ...at }),
      );
      const made = await call(
        "POST",
        "/api/contracts",
        commissioner,
        terms({ reference: "C-201", vehicleIds: [free.id], breakDates: [] }),
      );
      const signed = await call(
        "POST",
        `/api/contracts/${String((await body(made)).id)}/status`,
        commissioner,
        {
          status: "active",
        },
      );
      expect(signed.status).toBe(200);
      // Only the operator brings its vehicles: by a grant, or by its bid when awarded.
      const fleet = await loadDayRegister(services.unitOfWork, county.id, DAY);
      expect(fleet.vehicles.some((v) => v.id === free.id)).toBe(false);
      // A term is bounded.
      const endless = await call(
        "POST",
        "/api/contracts",
        commissioner,
        terms({ reference: "C-202", vehicleIds: [], breakDates: [], endsOn: "2199-12-31" }),
      );
      expect(await paths(endless)).toEqual(["endsOn"]);
    });
  });
}
