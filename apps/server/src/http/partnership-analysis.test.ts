import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";
import { hookedRunner } from "./test-support/hooked-runner";
import { adminOf, buildScene, DAY, type Scene } from "./test-support/partnership-scene";

type Json = Record<string, unknown>;

const hooked = hookedRunner();

for (const driver of listTestDrivers()) {
  describe(`a partnership's integration analysis from the database (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { solveRunner: hooked.runner });
    let scene: Scene;

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    async function analyse(body: Json): Promise<{ id: string; job: Json }> {
      const { call, services } = fixture();
      const started = await call("POST", "/api/analyses/integration", {
        token: scene.commissioner,
        json: body,
      });
      expect(started.status).toBe(202);
      const id = String(((await started.json()) as Json).jobId);
      await services.analyses.settled(id);
      const job = await call("GET", `/api/jobs/${id}`, { token: scene.commissioner });
      return { id, job: (await job.json()) as Json };
    }

    it("plans the members' funders alone and together, from their registers, under the agreements", async () => {
      const { county, city, services } = fixture();
      const { id, job } = await analyse({ date: DAY, iterations: 20, seed: 1 });
      expect(job).toMatchObject({ status: "succeeded", kind: "integration-analysis" });
      const report = (job.result as Json).report as Json;
      expect(Object.keys(report.silo as Json).sort()).toEqual([
        "send-transport-city",
        "send-transport-county",
      ]);
      expect(report.funders).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: "send-transport-city", organisation: "City" }),
          expect.objectContaining({ key: "send-transport-county", organisation: "County" }),
        ]),
      );
      expect(report.violations).toBe(0);
      expect((report.shares as Json).paysMoreThanAlone).toEqual([]);
      expect(report.savings).toMatchObject({ cost: expect.any(Number) });
      expect(Array.isArray(report.overlap)).toBe(true);
      // Pseudonymised: no passenger's id or name leaves the members' registers.
      const text = JSON.stringify(job);
      for (const secret of [county.rows.passengers, city.rows.passengers, "Lovelace", "P-county"]) {
        expect(text).not.toContain(secret);
      }
      // Each member's log names the agreement the partnership read its day under.
      for (const [member, agreement] of [
        [county.id, scene.agreements.county],
        [city.id, scene.agreements.city],
      ] as const) {
        const log = await services.unitOfWork.repositories.audit.list(member, {
          offset: 0,
          limit: 20,
          resource: "passengers",
        });
        const read = log.items.find((e) => e.details?.agreementId === agreement);
        expect(read, member).toMatchObject({
          action: "read",
          userId: expect.any(String),
          details: { recipient: scene.partnership, sharingPurpose: "analysis" },
        });
        expect(await services.unitOfWork.repositories.audit.verify(member)).toBeUndefined();
      }
      const stored = await fixture().call("GET", `/api/analyses/integration/${id}/report.html`, {
        token: scene.commissioner,
      });
      expect(stored.status).toBe(200);
      // Each member sees its own budgets' part, and nobody else's.
      for (const [org, key] of [
        [county, "send-transport-county"],
        [city, "send-transport-city"],
      ] as const) {
        const res = await fixture().call("GET", "/api/analyses/integration/member-shares", {
          token: org.users.finance.token,
        });
        const items = ((await res.json()) as Json).items as Json[];
        const mine = items.find((item) => item.jobId === id);
        expect(mine).toMatchObject({ partnership: expect.any(String), date: DAY });
        const funders = (mine?.funders ?? []) as Json[];
        expect(funders.map((f) => f.key)).toEqual([key]);
        const shapley = (report.shares as Json).shapley as Json;
        expect(funders[0]?.shapley).toBe(shapley[key]);
      }
      const driverView = await fixture().call("GET", "/api/analyses/integration/member-shares", {
        token: county.users.driver.token,
      });
      expect(driverView.status).toBe(403);
      const auditorView = await fixture().call("GET", "/api/analyses/integration/member-shares", {
        token: county.users.auditor.token,
      });
      expect(auditorView.status).toBe(403);
    });

    it("leaves out a member whose agreement is suspended, and refuses when none is left", async () => {
      const { city, county, services } = fixture();
      await services.agreements.changeStatus(adminOf(city), scene.agreements.city, "suspended");
      const { job } = await analyse({ date: DAY, iterations: 10, seed: 1 });
      const report = (job.result as Json).report as Json;
      expect(Object.keys(report.silo as Json)).toEqual(["send-transport-county"]);
      await services.agreements.changeStatus(adminOf(county), scene.agreements.county, "suspended");
      const refused = await analyse({ date: DAY, iterations: 10, seed: 1 });
      expect(refused.job).toMatchObject({ status: "failed" });
      expect(JSON.stringify(refused.job.error)).toContain("No member shares its data");
    });

    it("stops a running analysis, naming the agreement, once the agreement is suspended", async () => {
      const { city, county, services, call } = fixture();
      // Both agreements active again: every party approves again after a suspension.
      for (const [member, id] of [
        [adminOf(county), scene.agreements.county],
        [adminOf(city), scene.agreements.city],
      ] as const) {
        await services.agreements.approve(member, id);
        await services.agreements.approve(scene.partnershipAdmin, id);
        await services.agreements.changeStatus(member, id, "active");
      }
      // The county suspends its agreement while the first plan is being made.
      hooked.onNextSolve(async () => {
        await services.agreements.changeStatus(
          adminOf(county),
          scene.agreements.county,
          "suspended",
        );
      });
      const started = await call("POST", "/api/analyses/integration", {
        token: scene.commissioner,
        json: { date: DAY, iterations: 10, seed: 1 },
      });
      const jobId = String(((await started.json()) as Json).jobId);
      await services.analyses.settled(jobId);
      expect(hooked.pending()).toBe(false);
      const job = (await (
        await call("GET", `/api/jobs/${jobId}`, { token: scene.commissioner })
      ).json()) as Json;
      expect(job).toMatchObject({ status: "failed" });
      expect(JSON.stringify(job.error)).toContain("DSA-AN-C");
    });

    it("keeps the members' own analyses to their own registers", async () => {
      const { county } = fixture();
      const started = await fixture().call("POST", "/api/analyses/integration", {
        token: county.users.admin.token,
        json: { date: DAY, iterations: 5, seed: 1 },
      });
      const jobId = String(((await started.json()) as Json).jobId);
      await fixture().services.analyses.settled(jobId);
      const job = (await (
        await fixture().call("GET", `/api/jobs/${jobId}`, { token: county.users.admin.token })
      ).json()) as Json;
      const report = (job.result as Json).report as Json;
      expect(Object.keys(report.silo as Json)).toEqual(["send-transport-county"]);
      // And the partnership's job is not the member's to read.
      const other = await fixture().call("GET", `/api/jobs/${jobId}`, {
        token: scene.commissioner,
      });
      expect(other.status).toBe(404);
    });
  });
}
