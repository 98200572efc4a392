import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

interface Operator {
  id: string;
  token: string;
}

/** An organisation of `kind` with one user of `role`, and that user's API token. */
async function organisation(
  fixture: Fixture,
  name: string,
  kind: "operator" | "community-transport",
  role: "operator" | "admin" = "operator",
): Promise<Operator> {
  const { services } = fixture;
  const org = await services.auth.createOrganisation({ name, kind });
  const user = await services.auth.createUser({
    organisationId: org.id,
    email: `${role}@${name.toLowerCase().replaceAll(" ", "-")}.example`,
    displayName: `${name} ${role}`,
    role,
    password: PASSWORD,
  });
  return { id: org.id, token: (await services.auth.issueApiToken(user.id, "tests")).token };
}

for (const driver of listTestDrivers()) {
  describe(`the dynamic purchasing system (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let taxis: Operator;
    let carScheme: Operator;
    let taxisApplication = "";

    beforeAll(async () => {
      taxis = await organisation(fixture(), "Ribbon Taxis", "operator");
      carScheme = await organisation(fixture(), "Fen Cars", "community-transport");
    });

    const post = (path: string, token: string, json?: unknown) =>
      fixture().call("POST", path, { token, ...(json === undefined ? {} : { json }) });
    const get = async (path: string, token: string) => {
      const res = await fixture().call("GET", path, { token });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const apply = (who: Operator, categories: string[], buyerId = fixture().county.id) =>
      post("/api/dps/applications", who.token, { buyerId, categories });

    it("takes operators' applications, once per buyer, and lists them on both sides", async () => {
      const { county, city } = fixture();
      const buyers = await get("/api/dps/buyers", taxis.token);
      const ids = (buyers.body.items as Json[]).map((b) => b.id);
      expect(ids).toEqual(expect.arrayContaining([county.id, city.id]));
      expect(ids).not.toContain(carScheme.id);
      const made = await apply(taxis, ["taxi", "wheelchair-accessible"]);
      expect(made.status).toBe(201);
      const application = (await made.json()) as Json;
      taxisApplication = String(application.id);
      expect(application).toMatchObject({
        status: "applied",
        operatorName: "Ribbon Taxis",
        buyerName: expect.stringMatching(/\S/),
      });
      const again = await apply(taxis, ["coach"]);
      expect(again.status).toBe(409);
      expect(((await again.json()) as Json).message).toMatch(/already have an open application/);
      expect((await apply(carScheme, ["community-car"])).status).toBe(201);
      const received = await get("/api/dps/applications?side=received", county.users.admin.token);
      expect((received.body.items as Json[]).map((a) => a.operatorName).sort()).toEqual([
        "Fen Cars",
        "Ribbon Taxis",
      ]);
      const mine = await get("/api/dps/applications", taxis.token);
      expect((mine.body.items as Json[]).map((a) => a.id)).toEqual([taxisApplication]);
      // Nobody else sees them: the city received none.
      const cityReceived = await get("/api/dps/applications?side=received", city.users.admin.token);
      expect(cityReceived.body.items).toEqual([]);
    });

    it("lets the buyer read an applicant's documents, and admits only while its own are in date", async () => {
      const { county, city, services } = fixture();
      const licence = {
        kind: "private-hire-operator-licence",
        issuer: "Cambridge City Council",
        number: "PHO-77",
        expiresOn: "2026-01-31",
      };
      const recorded = await post("/api/compliance-documents", taxis.token, licence);
      expect(recorded.status).toBe(201);
      const read = await get(
        `/api/dps/applicants/${taxis.id}/compliance`,
        county.users.admin.token,
      );
      expect(read.status).toBe(200);
      expect(read.body.lapsed).toEqual([
        { kind: "private-hire-operator-licence", number: "PHO-77", expiredOn: "2026-01-31" },
      ]);
      // The read is in the operator's log, naming the buyer.
      const log = await services.unitOfWork.repositories.audit.list(taxis.id, {
        offset: 0,
        limit: 50,
        resource: "compliance",
      });
      expect(log.items.some((e) => e.action === "read" && e.purpose.includes(county.id))).toBe(
        true,
      );
      // Another buyer, with no application from the operator, finds no such applicant.
      const other = await get(`/api/dps/applicants/${taxis.id}/compliance`, city.users.admin.token);
      expect(other.status).toBe(404);
      const decide = (status: string, reason?: string, token = county.users.admin.token) =>
        post(`/api/dps/applications/${taxisApplication}/decision`, token, { status, reason });
      const refused = await decide("admitted");
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as Json).message).toContain(
        "Private hire operator licence PHO-77 expired on 2026-01-31",
      );
      const renewal = { ...licence, number: "PHO-78", expiresOn: "2029-01-31" };
      expect((await post("/api/compliance-documents", taxis.token, renewal)).status).toBe(201);
      const admitted = await decide("admitted");
      expect(admitted.status).toBe(200);
      expect(await admitted.json()).toMatchObject({
        status: "admitted",
        decidedBy: expect.any(String),
      });
      // Suspension needs a reason; a suspended operator is admitted again; refused is final.
      expect((await decide("suspended")).status).toBe(422);
      expect((await decide("suspended", "insurance certificate not seen")).status).toBe(200);
      expect((await decide("admitted")).status).toBe(200);
      // The county's own operator user (its in-house fleet) does not decide either.
      const fleet = await services.auth.createUser({
        organisationId: county.id,
        email: "operator@county-fleet.example",
        displayName: "County fleet",
        role: "operator",
        password: PASSWORD,
      });
      const fleetToken = (await services.auth.issueApiToken(fleet.id, "tests")).token;
      expect((await decide("suspended", "no", fleetToken)).status).toBe(403);
      // The operator cannot decide on its own application; the city cannot see it.
      expect((await decide("admitted", undefined, taxis.token)).status).toBe(403);
      expect((await decide("admitted", undefined, city.users.admin.token)).status).toBe(404);
      // Both logs hold every step.
      for (const org of [taxis.id, county.id]) {
        const steps = await services.unitOfWork.repositories.audit.list(org, {
          offset: 0,
          limit: 50,
          resource: "dps-applications",
        });
        expect(steps.items.length).toBe(org === county.id ? 5 : 4);
      }
    });

    it("lets the operator withdraw, after which it may apply again", async () => {
      const { county } = fixture();
      const [scheme] = (await get("/api/dps/applications", carScheme.token)).body.items as Json[];
      const withdrawn = await post(
        `/api/dps/applications/${scheme?.id}/withdrawal`,
        carScheme.token,
      );
      expect(withdrawn.status).toBe(200);
      expect(((await withdrawn.json()) as Json).status).toBe("withdrawn");
      const decision = await post(
        `/api/dps/applications/${scheme?.id}/decision`,
        county.users.admin.token,
        { status: "admitted" },
      );
      expect(decision.status).toBe(409);
      expect((await apply(carScheme, ["community-car", "minibus"])).status).toBe(201);
    });

    it("checks the role first, who may apply, and to whom", async () => {
      const { county, city } = fixture();
      // A council is not a supplier; a driver and a booking agent may not apply at all.
      const council = await post("/api/dps/applications", city.users.admin.token, {
        buyerId: county.id,
        categories: ["taxi"],
      });
      expect(council.status).toBe(403);
      for (const role of ["driver", "booking-agent"] as const) {
        const res = await post("/api/dps/applications", county.users[role].token, "nonsense");
        expect([role, res.status]).toEqual([role, 403]);
      }
      const toOperator = await apply(taxis, ["taxi"], carScheme.id);
      expect(toOperator.status).toBe(422);
      expect((((await toOperator.json()) as Json).details as Json[])[0]?.path).toBe("buyerId");
      const bad = await post("/api/dps/applications", taxis.token, {
        buyerId: county.id,
        categories: ["hovercraft", "taxi"],
      });
      expect(bad.status).toBe(422);
      expect((await get("/api/dps/applications", county.users.driver.token)).status).toBe(403);
    });
  });
}
