import { listTestDrivers } from "@tt/db";
import { CONTRACT_HOME_TO_SCHOOL_CASE } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

const CASE = CONTRACT_HOME_TO_SCHOOL_CASE;

for (const driver of listTestDrivers()) {
  describe(`entitlement API (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    it("assesses, stores and returns the decision, and audits it", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const passengerId = county.rows.passengers;
      const res = await call("POST", "/api/entitlement/assess", {
        token,
        json: { case: CASE, passengerId, assessedOn: "2026-10-01" },
        headers: { "x-purpose": "annual review of travel" },
      });
      expect(res.status).toBe(201);
      const stored = (await res.json()) as Json;
      expect(stored).toMatchObject({
        organisationId: county.id,
        passengerId,
        eligible: true,
        category: "statutory-walking-distance",
        appealDeadline: "2026-10-29",
        decision: {
          eligible: true,
          category: "statutory-walking-distance",
          policy: { id: "england-statutory" },
        },
      });
      const item = await call("GET", `/api/entitlement/decisions/${String(stored.id)}`, { token });
      expect(item.status).toBe(200);
      const list = (await (
        await call("GET", `/api/entitlement/decisions?passengerId=${passengerId}`, { token })
      ).json()) as Json;
      expect((list.items as Json[]).map((d) => d.id)).toContain(stored.id);
      const audit = (await (
        await call("GET", "/api/audit-log?resource=entitlements", { token })
      ).json()) as Json;
      expect(audit.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: "create",
            resourceIds: [stored.id, passengerId],
            purpose: "annual review of travel",
          }),
        ]),
      );
    });

    it("answers 404 for another organisation's decision and never lists it", async () => {
      const { call, county, city } = fixture();
      const res = await call("POST", "/api/entitlement/assess", {
        token: city.users.admin.token,
        json: { case: CASE },
      });
      const foreign = (await res.json()) as Json;
      const token = county.users.admin.token;
      expect(
        (await call("GET", `/api/entitlement/decisions/${String(foreign.id)}`, { token })).status,
      ).toBe(404);
      const list = (await (
        await call("GET", "/api/entitlement/decisions?limit=500", { token })
      ).json()) as Json;
      expect((list.items as Json[]).map((d) => d.id)).not.toContain(foreign.id);
    });

    it("describes its routes in /openapi.json", async () => {
      const doc = (await (await fixture().call("GET", "/openapi.json")).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      expect(Object.keys(doc.paths["/api/entitlement/assess"] ?? {})).toEqual(["post"]);
      expect(doc.paths["/api/entitlement/decisions"]?.get).toBeDefined();
      expect(doc.paths["/api/entitlement/decisions/{id}"]?.get).toBeDefined();
    });

    it("answers 422 naming every invalid field, and 403 to roles without the grant", async () => {
      const { call, county } = fixture();
      const bad = await call("POST", "/api/entitlement/assess", {
        token: county.users.admin.token,
        json: {
          case: { regime: "home-to-school", pupil: { age: "nine" }, school: { qualifying: true } },
        },
      });
      expect(bad.status).toBe(422);
      const paths = ((await bad.json()) as { details: Json[] }).details.map((d) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining(["case.pupil.age", "case.school.nearestSuitable"]),
      );
      const driverRes = await call("POST", "/api/entitlement/assess", {
        token: county.users.driver.token,
        json: { case: CASE },
      });
      expect(driverRes.status).toBe(403);
      const foreignPassenger = await call("POST", "/api/entitlement/assess", {
        token: county.users.admin.token,
        json: { case: CASE, passengerId: fixture().city.rows.passengers },
      });
      expect(foreignPassenger.status).toBe(422);
    });
  });
}
