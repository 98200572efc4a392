import type { Actor } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aPassenger, aTripRequest } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import { REPORT_CSP } from "./middleware/response-headers";
import { useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day (a one-off). */
const DAY = "2026-09-03";

for (const driver of listTestDrivers()) {
  describe(`integration analyses API (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let jobId = "";

    it("analyses the day's funders as a job and serves the report as JSON, HTML and CSV", async () => {
      const { call, county, services } = fixture();
      const admin: Actor = {
        userId: county.users.admin.user.id,
        organisationId: county.id,
        role: "admin",
      };
      // A second funder with a hospital trip the same day, on the same one vehicle.
      const nhs = await services.register.create(admin, "funders", {
        name: "ICB patient transport",
        kind: "nhs",
      });
      const patient = await services.register.create(
        admin,
        "passengers",
        aPassenger({ reference: "P-NHS", homeLat: 52.21 }),
      );
      await services.register.create(
        admin,
        "tripRequests",
        aTripRequest(
          { passengerId: patient.id, funderId: nhs.id, placeId: county.rows.places },
          {
            reference: "T-NHS",
            purpose: "hospital-appointment",
            recurrence: { kind: "one-off", date: DAY },
          },
        ),
      );
      const token = county.users.admin.token;
      const started = await call("POST", "/api/analyses/integration", {
        token,
        json: { date: DAY, iterations: 20, timeLimitSeconds: 30, seed: 2 },
      });
      expect(started.status).toBe(202);
      jobId = String(((await started.json()) as Json).jobId);
      const events = await (await call("GET", `/api/jobs/${jobId}/events`, { token })).text();
      expect(events).toContain("event: done");

      const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
      expect(job).toMatchObject({
        status: "succeeded",
        progress: 100,
        kind: "integration-analysis",
      });
      const report = (job.result as Json).report as Json;
      expect(Object.keys(report.silo as Json).sort()).toEqual([
        "icb-patient-transport",
        "send-transport-county",
      ]);
      expect(report.violations).toBe(0);
      expect(Object.keys(report.coalitions as Json)).toHaveLength(3);
      expect(JSON.stringify(job)).not.toContain("Lovelace");

      const html = await call("GET", `/api/analyses/integration/${jobId}/report.html`, { token });
      expect(html.status).toBe(200);
      expect(html.headers.get("content-type")).toContain("text/html");
      expect(html.headers.get("content-security-policy")).toBe(REPORT_CSP);
      expect(html.headers.get("cache-control")).toBe("no-store");
      expect(await html.text()).toContain("ICB patient transport");
      const csv = await call("GET", `/api/analyses/integration/${jobId}/report.csv?table=shares`, {
        token,
      });
      expect(csv.status).toBe(200);
      expect(await csv.text()).toContain("icb-patient-transport");

      const audit = await services.unitOfWork.repositories.audit.list(county.id, {
        offset: 0,
        limit: 50,
      });
      const read = audit.items.find(
        (e) => e.resource === "passengers" && e.details?.jobId === jobId,
      );
      expect(read?.resourceIds).toEqual(
        expect.arrayContaining([patient.id, county.rows.passengers]),
      );
    });

    it("answers 404 for another organisation's analysis", async () => {
      const { call, city } = fixture();
      const token = city.users.admin.token;
      expect((await call("GET", `/api/jobs/${jobId}`, { token })).status).toBe(404);
      const html = await call("GET", `/api/analyses/integration/${jobId}/report.html`, { token });
      expect(html.status).toBe(404);
      const csv = await call("GET", `/api/analyses/integration/${jobId}/report.csv`, { token });
      expect(csv.status).toBe(404);
    });

    it("answers 403 to a role that may not start plans", async () => {
      const { call, county } = fixture();
      const body = { json: { date: DAY, iterations: 5 } };
      for (const role of ["driver", "finance"] as const) {
        const token = county.users[role].token;
        expect((await call("POST", "/api/analyses/integration", { token, ...body })).status).toBe(
          403,
        );
      }
      const reader = county.users.finance.token;
      const html = await call("GET", `/api/analyses/integration/${jobId}/report.html`, {
        token: reader,
      });
      expect(html.status).toBe(200);
    });

    it("answers 422 for a bad body, naming the field", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const bodies = [
        { date: "2026-02-30" },
        { date: DAY, timeLimitSeconds: 0 },
        { date: DAY, fleet: { "V-": ["not-a-uuid"] } },
        {
          date: DAY,
          mixingPolicy: { version: "x", rules: [{ services: ["drt", "ghost"], reason: "no" }] },
        },
      ];
      const fields = ["date", "timeLimitSeconds", "fleet", "ghost"];
      for (const [i, json] of bodies.entries()) {
        const answer = await call("POST", "/api/analyses/integration", { token, json });
        expect(answer.status).toBe(422);
        expect(JSON.stringify(await answer.json())).toContain(fields[i]);
      }
      const csv = await call("GET", `/api/analyses/integration/${jobId}/report.csv?table=nope`, {
        token,
      });
      expect(csv.status).toBe(422);
    });
  });
}
