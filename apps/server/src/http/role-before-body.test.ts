import { listTestDrivers } from "@tt/db";
import { isAllowed, type Role } from "@tt/domain";
import { describe, expect, it } from "vitest";
import { honoPath, ROUTE_ACCESS } from "./middleware/route-access";
import { FIXTURE_ROLES, useFixture } from "./test-support/fixture";

/** Routes any signed-in user (or anyone) may call: no grant to check. */
const OPEN_WRITES = new Set(["POST /api/session", "DELETE /api/session", "POST /api/tokens"]);
// The opt-out link needs no sign-in: its token is the key, and it can only stop messages.
const OPEN_WRITES_WITH_ID = new Set(["DELETE /api/tokens/{id}", "POST /api/opt-out/{token}"]);
/** The writes a driver may make: the marks at their runs' stops, and a commissioned journey. */
const DRIVER_WRITES = new Set([
  "POST /api/run-events",
  // A community transport driver records a commissioned journey's miles.
  "POST /api/commissions/{id}/completion",
]);
const WRITE_METHODS = ["post", "put", "patch", "delete"];
const SOME_ID = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

interface Operation {
  readonly method: string;
  readonly path: string;
}

/** A body no route accepts: wrong fields, a wrong type, a NUL. */
const INVALID_BODY = JSON.stringify({ unexpected: "\u0000", reference: 42, runs: "nope" });

const withIds = (path: string) => path.replaceAll(/{[^}]+}/g, SOME_ID);
const key = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

for (const driver of listTestDrivers()) {
  describe(`roles are checked before the body (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    /** Every operation in the OpenAPI document. */
    function operations(): Operation[] {
      const document = fixture().app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: { title: "t", version: "t" },
      });
      return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        Object.keys(item ?? {})
          .filter((method) => ["get", ...WRITE_METHODS].includes(method))
          .map((method) => ({ method, path })),
      );
    }

    const rulesOf = (op: Operation) =>
      ROUTE_ACCESS.filter(
        (rule) =>
          rule.route.method === op.method && honoPath(rule.route.path) === honoPath(op.path),
      );
    const ruleOf = (op: Operation) => rulesOf(op)[0];

    it("knows the grant of every write route", () => {
      const writes = operations().filter((op) => WRITE_METHODS.includes(op.method));
      expect(writes.length).toBeGreaterThanOrEqual(40);
      const unknown = writes
        .filter((op) => !OPEN_WRITES.has(key(op)) && !OPEN_WRITES_WITH_ID.has(key(op)))
        .filter((op) => !ruleOf(op))
        .map(key);
      expect(unknown).toEqual([]);
    });

    it("answers 403 to every role without the grant, before it looks at an invalid body", async () => {
      const { call, county } = fixture();
      const writes = operations().filter((op) => ruleOf(op) && WRITE_METHODS.includes(op.method));
      let checked = 0;
      for (const op of writes) {
        // A route with two grants (the booking desk's, the taps') refuses a role lacking either.
        const forbidden = FIXTURE_ROLES.filter((role: Role) =>
          rulesOf(op).some((rule) => !isAllowed(role, rule.resource, rule.access)),
        );
        // Drivers write only what they mark at their stops.
        const driverForbidden = forbidden.includes("driver");
        expect([key(op), driverForbidden]).toEqual([key(op), !DRIVER_WRITES.has(key(op))]);
        for (const role of forbidden) {
          const res = await call(op.method.toUpperCase(), withIds(op.path), {
            token: county.users[role].token,
            body: INVALID_BODY,
            headers: { "content-type": "application/json" },
          });
          const body = (await res.json()) as { code: string; details: unknown[] };
          expect([key(op), role, res.status, body.code]).toEqual([key(op), role, 403, "forbidden"]);
          expect(body.details).toEqual([]);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(writes.length);
    });

    it("answers 403 to a read without the grant, before it looks at an invalid query", async () => {
      const { call, county } = fixture();
      const token = county.users.driver.token;
      for (const path of ["/api/passengers?limit=abc", "/api/audit-log?limit=-1"]) {
        const res = await call("GET", path, { token });
        expect([path, res.status]).toEqual([path, 403]);
      }
    });

    it("answers 401 before the body without a user, and 422 to a role with the grant", async () => {
      const { call, county } = fixture();
      const headers = { "content-type": "application/json" };
      const anonymous = await call("POST", "/api/passengers", { body: INVALID_BODY, headers });
      expect(anonymous.status).toBe(401);
      const token = county.users.admin.token;
      const allowed = await call("POST", "/api/passengers", { token, body: INVALID_BODY, headers });
      expect(allowed.status).toBe(422);
    });
  });
}
