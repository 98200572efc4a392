import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
import { caller, useFixture } from "./test-support/fixture";

const GOOD = [
  "reference,given_name,family_name,home_lat,home_lon",
  "CSV-1,Grace,Hopper,52.2,0.12",
  "CSV-2,Alan,Turing,52.21,0.13",
].join("\n");

const BAD = [
  "reference,given_name,family_name,home_lat,home_lon",
  "CSV-3,Grace,Hopper,10,0.12",
  "CSV-4,,Turing,52.21,0.13",
].join("\n");

const CSV = { "content-type": "text/csv" };

// The real CSV transfer from @tt/app, end to end through HTTP.
for (const driver of listTestDrivers()) {
  describe(`CSV import and export (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    it("imports a good file with 201 and the report", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const res = await call("POST", "/api/passengers/import", { token, body: GOOD, headers: CSV });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ kind: "passengers", rowsRead: 2, created: 2 });
      const list = await call("GET", "/api/passengers?search=CSV-", { token });
      expect(await list.json()).toMatchObject({ total: 2 });
    });

    it("refuses a file with bad rows with 422 listing every row problem", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const res = await call("POST", "/api/passengers/import", { token, body: BAD, headers: CSV });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { code: string; details: { row?: number }[] };
      expect(body.code).toBe("validation-failed");
      expect(body.details.map((d) => d.row).sort()).toEqual([2, 3]);
    });

    it("asks for text/csv", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const res = await call("POST", "/api/passengers/import", {
        token,
        body: GOOD,
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ details: [{ path: "content-type" }] });
    });

    it("exports only the caller's organisation as a CSV download", async () => {
      const { call, county } = fixture();
      const res = await call("GET", "/api/places/export", { token: county.users.admin.token });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="places.csv"/);
      const text = await res.text();
      expect(text).toMatch(/^reference,/);
      expect(text).toContain("S-county");
      expect(text).not.toContain("S-city");
    });

    it("refuses export to a role without access with a JSON 403", async () => {
      const { call, county } = fixture();
      const res = await call("GET", "/api/passengers/export", { token: county.users.driver.token });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden" });
    });

    it("answers 413 for a file over the CSV limit", async () => {
      const { services, county } = fixture();
      const app = createHttpApp(services, {
        logger: pino({ level: "silent" }),
        bodyLimits: { jsonBytes: 1024, csvBytes: 64 },
      });
      const res = await caller(app)("POST", "/api/passengers/import", {
        token: county.users.admin.token,
        body: GOOD,
        headers: { ...CSV, "content-length": String(GOOD.length) },
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: "payload-too-large" });
    });
  });
}
