import { Writable } from "node:stream";
import type { RegisterService } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpApp } from "./app";
import { caller, useFixture } from "./test-support/fixture";
import { validInputs } from "./test-support/inputs";

type Json = Record<string, unknown>;
type ErrorJson = { code: string; details: { path: string; message: string; row?: number }[] };

/** A log that keeps its lines for the assertions. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: pino(stream) };
}

for (const driver of listTestDrivers()) {
  describe(`faults found by the probe (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    const admin = () => fixture().county.users.admin.token;
    afterEach(() => vi.restoreAllMocks());

    describe("money", () => {
      it("stores a budget above £21,474,836.47 and reads it back exactly", async () => {
        const { call, county } = fixture();
        const json = { ...validInputs({ funderId: county.rows.funders }).budgets };
        const created = await call("POST", "/api/budgets", {
          token: admin(),
          json: { ...json, amountPence: 5_000_000_001 },
        });
        expect(created.status).toBe(201);
        const { id } = (await created.json()) as { id: string };
        const read = await call("GET", `/api/budgets/${id}`, { token: admin() });
        expect(await read.json()).toMatchObject({ amountPence: 5_000_000_001 });
      });

      it("answers 422 naming the field above £1,000,000,000", async () => {
        const { call, county } = fixture();
        const json = { ...validInputs({ funderId: county.rows.funders }).budgets };
        const res = await call("POST", "/api/budgets", {
          token: admin(),
          json: { ...json, amountPence: 100_000_000_001 },
        });
        expect(res.status).toBe(422);
        expect(((await res.json()) as ErrorJson).details.map((d) => d.path)).toEqual([
          "amountPence",
        ]);
      });
    });

    describe("control characters", () => {
      it("answers 422 naming the field for a NUL in any JSON string", async () => {
        const base = validInputs({}, "nul").passengers;
        const cases: [Json, string][] = [
          [{ ...base, homeAddress: "1 High St\u0000" }, "homeAddress"],
          [{ ...base, needs: { mayNotTravelWith: ["P-\u0000"] } }, "needs.mayNotTravelWith.0"],
          [{ ...base, givenName: "Ann\u001b" }, "givenName"],
        ];
        for (const [json, path] of cases) {
          const res = await fixture().call("POST", "/api/passengers", { token: admin(), json });
          expect(res.status).toBe(422);
          const body = (await res.json()) as ErrorJson;
          expect(body.details.map((d) => d.path)).toContain(path);
        }
      });

      it("keeps line breaks in multi-line text", async () => {
        const json = { ...validInputs({}, "lines").passengers, homeAddress: "1 High St\r\nEly" };
        const res = await fixture().call("POST", "/api/passengers", { token: admin(), json });
        expect(res.status).toBe(201);
      });

      it("answers 422, not a crash, to JSON nested deeper than any body, even before sign-in", async () => {
        const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
        for (const path of ["/api/session", "/api/passengers"]) {
          const res = await fixture().app.request(path, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-requested-with": "test",
              authorization: `Bearer ${admin()}`,
            },
            body: deep,
          });
          expect([path, res.status]).toEqual([path, 422]);
          const details = ((await res.json()) as ErrorJson).details;
          expect(details[0]?.message).toBe("nested more than 32 levels deep");
        }
      });

      it("answers 422 for a NUL in a query parameter or a sign-in email", async () => {
        const list = await fixture().call("GET", "/api/passengers?search=Ann%00", {
          token: admin(),
        });
        expect(list.status).toBe(422);
        expect(((await list.json()) as ErrorJson).details[0]?.path).toBe("query.search");
        const signIn = await fixture().call("POST", "/api/session", {
          json: { email: "admin@county.example\u0000", password: "x" },
        });
        expect(signIn.status).toBe(422);
      });

      it("answers 422 naming the row and field for a NUL in a CSV cell", async () => {
        const csv = [
          "reference,given_name,family_name,home_lat,home_lon",
          "C-1,Ann\u0000,Lee,52.2,0.1",
        ];
        const res = await fixture().call("POST", "/api/passengers/import", {
          token: admin(),
          body: csv.join("\n"),
          headers: { "content-type": "text/csv" },
        });
        expect(res.status).toBe(422);
        const body = (await res.json()) as ErrorJson;
        expect(body.details).toEqual([expect.objectContaining({ row: 2 })]);
        expect(body.details[0]?.path).toMatch(/given_?name/i);
      });
    });

    describe("logs", () => {
      it("logs a 500 without the body, the query or the error's message", async () => {
        const { lines, logger } = capturedLog();
        const failing = {
          create: () =>
            Promise.reject(
              new Error(
                "Failed query: insert into passengers params: Ann,Leakington,52.2049,0.1218",
              ),
            ),
        } as unknown as RegisterService;
        const app = createHttpApp({ ...fixture().services, register: failing }, { logger });
        const json = { ...validInputs({}, "log").passengers, familyName: "Leakington" };
        const res = await caller(app)("POST", "/api/passengers?search=Ann-Query", {
          token: admin(),
          json,
        });
        expect(res.status).toBe(500);
        const log = lines.join("\n");
        expect(log).toContain("unhandled error");
        expect(log).not.toMatch(/Leakington|52\.2049|0\.1218|Ann-Query|search=|Failed query/);
        const request = lines
          .map((line) => JSON.parse(line) as Json)
          .find((l) => l.msg === "request");
        expect(request).toMatchObject({ path: "/api/passengers", status: 500 });
      });
    });

    describe("bad paths", () => {
      it("answers 404 or 400 to malformed percent-encoding, with nothing on stderr", async () => {
        const stderr = vi.spyOn(process.stderr, "write");
        const consoleError = vi.spyOn(console, "error");
        for (const path of ["/api/passengers/%E0%A4%A", "/api/%E0%A4%A", "/api/passengers/%"]) {
          const res = await fixture().call("GET", path, { token: admin() });
          expect([path, [400, 404].includes(res.status)]).toEqual([path, true]);
        }
        expect(stderr).not.toHaveBeenCalled();
        expect(consoleError).not.toHaveBeenCalled();
      });
    });

    describe("headers", () => {
      it("sends Cache-Control: no-store on JSON and CSV answers", async () => {
        const { call, county } = fixture();
        const paths = ["/api/passengers", `/api/passengers/${county.rows.passengers}`];
        for (const path of [...paths, "/api/passengers/export", "/api/me", "/api/nowhere"]) {
          const res = await call("GET", path, { token: admin() });
          expect([path, res.headers.get("cache-control")]).toEqual([path, "no-store"]);
        }
      });
    });
  });
}
