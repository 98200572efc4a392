import { collectionPath, RESOURCE_KINDS } from "@tt/contract";
import { listTestDrivers } from "@tt/db";
import { describe, expect, it } from "vitest";
import { type OrgFixture, useFixture } from "./test-support/fixture";
import { validInputs } from "./test-support/inputs";

type Json = Record<string, unknown>;

function linksOf(org: OrgFixture) {
  return { funderId: org.rows.funders, passengerId: org.rows.passengers, placeId: org.rows.places };
}

for (const driver of listTestDrivers()) {
  describe(`register API (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    describe.each(RESOURCE_KINDS)("%s", (kind) => {
      const path = collectionPath(kind);

      it("answers 404 for another organisation's row and never lists it", async () => {
        const { call, county, city } = fixture();
        const token = county.users.admin.token;
        const foreign = `${path}/${city.rows[kind]}`;
        const body = validInputs(linksOf(county), "x")[kind];
        expect((await call("GET", foreign, { token })).status).toBe(404);
        expect((await call("PUT", foreign, { token, json: body })).status).toBe(404);
        expect((await call("DELETE", foreign, { token })).status).toBe(404);
        const list = (await (await call("GET", `${path}?limit=500`, { token })).json()) as Json;
        const ids = (list.items as Json[]).map((item) => item.id);
        expect(ids).toContain(county.rows[kind]);
        expect(ids).not.toContain(city.rows[kind]);
        const cityRow = await call("GET", foreign, { token: city.users.admin.token });
        expect(cityRow.status).toBe(200);
      });

      it("creates, reads, replaces and deletes its own rows", async () => {
        const { call, county } = fixture();
        const token = county.users.admin.token;
        const input = validInputs(linksOf(county), `crud-${kind}`)[kind];
        const created = await call("POST", path, { token, json: input });
        expect(created.status).toBe(201);
        const record = (await created.json()) as Json;
        expect(record).toMatchObject({ organisationId: county.id });
        expect(typeof record.createdAt).toBe("string");
        const item = `${path}/${String(record.id)}`;
        expect((await call("GET", item, { token })).status).toBe(200);
        expect((await call("PUT", item, { token, json: input })).status).toBe(200);
        expect((await call("DELETE", item, { token })).status).toBe(204);
        expect((await call("GET", item, { token })).status).toBe(404);
      });
    });

    it("refuses a link to another organisation's row with 422 naming the field", async () => {
      const { call, county, city } = fixture();
      const json = { funderId: city.rows.funders, financialYear: "2027/28", amountPence: 1 };
      const res = await call("PUT", `/api/budgets/${county.rows.budgets}`, {
        token: county.users.admin.token,
        json,
      });
      expect(res.status).toBe(422);
      const body = (await res.json()) as Json;
      expect(body.details).toEqual([expect.objectContaining({ path: "funderId" })]);
      const vehicle = validInputs(linksOf(county), "silo").vehicles;
      const own = county.rows.funders;
      const foreign = await call("POST", "/api/vehicles", {
        token: county.users.admin.token,
        json: { ...vehicle, funderIds: [own, city.rows.funders] },
      });
      expect(foreign.status).toBe(422);
      const issues = ((await foreign.json()) as Json).details;
      expect(issues).toEqual([expect.objectContaining({ path: "funderIds.1" })]);
      const allocated = await call("POST", "/api/vehicles", {
        token: county.users.admin.token,
        json: { ...vehicle, funderIds: [own] },
      });
      expect(((await allocated.json()) as Json).funderIds).toEqual([own]);
    });

    it("filters and searches lists, and checks the query", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const schools = (await (
        await call("GET", "/api/places?kind=school", { token })
      ).json()) as Json;
      expect(schools.total).toBe(1);
      const depots = (await (
        await call("GET", "/api/places?kind=depot", { token })
      ).json()) as Json;
      expect(depots.total).toBe(0);
      const found = await call("GET", "/api/passengers?search=lovel", { token });
      expect(((await found.json()) as Json).total).toBe(1);
      const bad = await call("GET", "/api/places?kind=castle&limit=501", { token });
      expect(bad.status).toBe(422);
      const paths = ((await bad.json()) as { details: Json[] }).details.map((d) => d.path);
      expect(paths.sort()).toEqual(["query.kind", "query.limit"]);
    });

    it("checks roles: drivers never see passengers, finance may not write them", async () => {
      const { call, county } = fixture();
      const driverRes = await call("GET", "/api/passengers", { token: county.users.driver.token });
      expect(driverRes.status).toBe(403);
      expect(await driverRes.json()).toMatchObject({ code: "forbidden", details: [] });
      const json = validInputs({}, "finance").passengers;
      const financeRes = await call("POST", "/api/passengers", {
        token: county.users.finance.token,
        json,
      });
      expect(financeRes.status).toBe(403);
      expect((await call("GET", "/api/passengers")).status).toBe(401);
    });

    it("records a personal-data read in the audit log with the X-Purpose", async () => {
      const { call, county, city } = fixture();
      const id = county.rows.passengers;
      const agent = county.users["booking-agent"];
      const purpose = "booking call about a hospital appointment";
      const read = await call("GET", `/api/passengers/${id}`, {
        token: agent.token,
        headers: { "X-Purpose": purpose },
      });
      expect(read.status).toBe(200);
      const query = `/api/audit-log?resource=passengers&resourceId=${id}`;
      const log = await call("GET", query, { token: county.users.auditor.token });
      expect(log.status).toBe(200);
      const entries = ((await log.json()) as { items: Json[] }).items;
      expect(entries).toContainEqual(
        expect.objectContaining({
          userId: agent.user.id,
          action: "read",
          resource: "passengers",
          resourceIds: [id],
          purpose,
        }),
      );
      const other = await call("GET", query, { token: city.users.auditor.token });
      expect(((await other.json()) as Json).total).toBe(0);
      expect((await call("GET", query, { token: agent.token })).status).toBe(403);
    });
  });
}
