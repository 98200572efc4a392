import { Writable } from "node:stream";
import type { RegisterService } from "@tt/app";
import { collectionPath, RESOURCE_KINDS } from "@tt/contract";
import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
import { caller, useFixture } from "./test-support/fixture";
import { validInputs } from "./test-support/inputs";

type Json = Record<string, unknown>;

const logLines: string[] = [];
const logTo = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  },
});

for (const driver of listTestDrivers()) {
  describe(`errors, limits and documentation (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { logTo, version: "9.9.9" });
    const admin = () => fixture().county.users.admin.token;

    it("reports health without signing in", async () => {
      const res = await fixture().call("GET", "/api/health");
      expect(await res.json()).toEqual({ status: "ok", database: driver.name, version: "9.9.9" });
    });

    it("answers 422 with { code, message, details } naming every bad field", async () => {
      const json = { ...validInputs({}, "bad").passengers, homeLat: 10, givenName: "" };
      const res = await fixture().call("POST", "/api/passengers", { token: admin(), json });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { code: string; message: string; details: Json[] };
      expect(body.code).toBe("validation-failed");
      expect(body.message).toEqual(expect.any(String));
      expect(body.details.map((d) => d.path).sort()).toEqual(["givenName", "homeLat"]);
      expect(body.details[0]?.message).toEqual(expect.any(String));
    });

    it("answers 422 for a body that is not JSON", async () => {
      const res = await fixture().call("POST", "/api/places", {
        token: admin(),
        body: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ code: "validation-failed" });
    });

    it("answers 422 naming the content type when a JSON body is sent as something else", async () => {
      const body = JSON.stringify(validInputs({}, "typed").places);
      const variants: Record<string, string>[] = [{ "content-type": "text/plain" }, {}];
      for (const headers of variants) {
        const res = await fixture().call("POST", "/api/places", { token: admin(), body, headers });
        expect(res.status).toBe(422);
        expect(await res.json()).toMatchObject({ details: [{ path: "content-type" }] });
      }
    });

    it("answers 409 conflict for a duplicate reference", async () => {
      const json = validInputs({}, "county").places;
      const res = await fixture().call("POST", "/api/places", { token: admin(), json });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: "conflict" });
    });

    it("answers 413 for a JSON body over 1 MB, with or without Content-Length", async () => {
      const big = JSON.stringify({ name: "x".repeat(1_100_000) });
      const variants: Record<string, string>[] = [
        { "content-type": "application/json", "content-length": String(big.length) },
        { "content-type": "application/json" },
      ];
      for (const headers of variants) {
        const res = await fixture().call("POST", "/api/places", {
          token: admin(),
          body: big,
          headers,
        });
        expect(res.status).toBe(413);
        expect(await res.json()).toMatchObject({ code: "payload-too-large", details: [] });
      }
    });

    it("answers JSON 404 for unknown API paths", async () => {
      const res = await fixture().call("GET", "/api/nowhere", { token: admin() });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "not-found" });
    });

    it("answers 500 internal for unknown errors without leaking them", async () => {
      const failing = {
        list: () => Promise.reject(new Error("connection to 10.0.0.7 failed: password hunter2")),
      } as unknown as RegisterService;
      const quiet = pino({ level: "silent" });
      const app = createHttpApp({ ...fixture().services, register: failing }, { logger: quiet });
      const res = await caller(app)("GET", "/api/places", { token: admin() });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ code: "internal", details: [] });
      expect(text).not.toMatch(/hunter2|10\.0\.0\.7/);
    });

    it("logs one line per request with method, path, status, ms and user, never bodies", async () => {
      const { call, county } = fixture();
      const json = { ...validInputs({}, "logged").passengers, familyName: "Babbage-Logged" };
      const res = await call("POST", "/api/passengers?search=secret", { token: admin(), json });
      expect(res.status).toBe(201);
      const lines = logLines.map((line) => JSON.parse(line) as Json);
      expect(lines).toContainEqual(
        expect.objectContaining({
          method: "POST",
          path: "/api/passengers",
          status: 201,
          ms: expect.any(Number),
          userId: county.users.admin.user.id,
        }),
      );
      expect(logLines.join("\n")).not.toMatch(/Babbage-Logged|secret/);
    });

    it("describes every register path in /openapi.json", async () => {
      const doc = (await (await fixture().call("GET", "/openapi.json")).json()) as {
        paths: Record<string, Json>;
        components: { schemas: Json };
      };
      for (const kind of RESOURCE_KINDS) {
        const path = collectionPath(kind);
        expect(Object.keys(doc.paths[path] ?? {}).sort()).toEqual(["get", "post"]);
        expect(Object.keys(doc.paths[`${path}/{id}`] ?? {}).sort()).toEqual([
          "delete",
          "get",
          "put",
        ]);
      }
      expect(doc.paths["/api/passengers/import"]).toHaveProperty("post");
      expect(doc.paths["/api/trip-requests/export"]).toHaveProperty("get");
      expect(doc.paths["/api/audit-log"]).toHaveProperty("get");
      expect(doc.components.schemas).toHaveProperty("Passenger");
      expect(doc.components.schemas).toHaveProperty("Error");
    });

    it("serves an accessible API reference page that needs nothing from the internet", async () => {
      const res = await fixture().call("GET", "/api/reference");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
      const html = await res.text();
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
      expect(html).toMatch(/<html lang="en">/);
      expect(html).toMatch(/<main[\s>]/);
      expect(html).toMatch(/<nav[^>]+aria-label=/);
      expect(html).toMatch(/<h1>/);
      expect(html).toContain("/openapi.json");
    });
  });
}
