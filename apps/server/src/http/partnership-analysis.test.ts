import {
  type Actor,
  type AgreementService,
  createWorkerSolveRunner,
  type SolveRunner,
} from "@tt/app";
import { listTestDrivers } from "@tt/db";
import type { Role } from "@tt/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The fixture's trips travel on this day. */
const DAY = "2026-09-03";

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const adminOf = (org: { id: string; users: { admin: { user: { id: string } } } }): Actor => ({
  userId: org.users.admin.user.id,
  organisationId: org.id,
  role: "admin",
});

interface Scene {
  partnership: string;
  partnershipAdmin: Actor;
  commissioner: string;
  agreements: { county: string; city: string };
}

/** Agreed, approved by both parties and active: the member shares its day for analysis. */
async function activeAgreement(
  agreements: AgreementService,
  member: Actor,
  partnershipAdmin: Actor,
  reference: string,
): Promise<string> {
  const draft = await agreements.draft(member, {
    reference,
    title: "Analysis of the day's journeys",
    providers: [member.organisationId],
    recipients: [partnershipAdmin.organisationId],
    purposes: ["analysis"],
    dataItems: ["trips", "home-location", "travel-needs"],
    lawfulBasis: { article6: "public-task" },
    startDate: isoDay(-30),
    reviewDate: isoDay(180),
    endDate: isoDay(365),
  });
  const id = draft.agreement.id;
  await agreements.approve(member, id);
  await agreements.approve(partnershipAdmin, id);
  await agreements.changeStatus(member, id, "active");
  return id;
}

async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county, city } = fixture;
  const created = await services.partnerships.create({
    name: "Transport for the County",
    members: [county.id, city.id],
  });
  const partnership = created.organisationId;
  const user = async (role: Role) =>
    services.auth.createUser({
      organisationId: partnership,
      email: `${role}@analysis-partnership.example`,
      displayName: role,
      role,
      password: PASSWORD,
    });
  const admin = await user("admin");
  const commissioner = await user("commissioner");
  const partnershipAdmin: Actor = { userId: admin.id, organisationId: partnership, role: "admin" };
  const { agreements } = services;
  return {
    partnership,
    partnershipAdmin,
    commissioner: (await services.auth.issueApiToken(commissioner.id, "tests")).token,
    agreements: {
      county: await activeAgreement(agreements, adminOf(county), partnershipAdmin, "DSA-AN-C"),
      city: await activeAgreement(agreements, adminOf(city), partnershipAdmin, "DSA-AN-P"),
    },
  };
}

/** Runs once, as the next plan starts (after the job's own check of the agreements). */
let onNextSolve: (() => Promise<void>) | undefined;
const workers = createWorkerSolveRunner();
const runner: SolveRunner = {
  async run(request, watch) {
    const hook = onNextSolve;
    onNextSolve = undefined;
    await hook?.();
    return workers.run(request, watch);
  },
};

for (const driver of listTestDrivers()) {
  describe(`a partnership's integration analysis from the database (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { solveRunner: runner });
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
      onNextSolve = async () => {
        await services.agreements.changeStatus(
          adminOf(county),
          scene.agreements.county,
          "suspended",
        );
      };
      const started = await call("POST", "/api/analyses/integration", {
        token: scene.commissioner,
        json: { date: DAY, iterations: 10, seed: 1 },
      });
      const jobId = String(((await started.json()) as Json).jobId);
      await services.analyses.settled(jobId);
      expect(onNextSolve).toBeUndefined();
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
