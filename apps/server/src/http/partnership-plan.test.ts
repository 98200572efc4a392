import type { Actor } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";
import { hookedRunner } from "./test-support/hooked-runner";
import {
  activeAgreement,
  adminOf,
  buildScene,
  DAY,
  type Scene,
} from "./test-support/partnership-scene";

type Json = Record<string, unknown>;

const hooked = hookedRunner();

const tripIdsOf = (plan: Json) =>
  ((plan.runs ?? []) as Json[]).flatMap((run) =>
    ((run.stops ?? []) as Json[]).flatMap((s) => (s.kind === "pickup" ? [s.tripRequestId] : [])),
  );

for (const driver of listTestDrivers()) {
  describe(`a partnership's day plan over its members' days (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { solveRunner: hooked.runner });
    let scene: Scene;
    const planning = { county: "", city: "" };
    let pooledPlanId = "";

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    /** The partnership's commissioner, as the services see them. */
    async function commissioner(): Promise<Actor> {
      const user = await fixture().services.auth.authenticate({ apiToken: scene.commissioner });
      return { userId: user?.id ?? "", organisationId: scene.partnership, role: "commissioner" };
    }

    async function plan(token: string): Promise<Json> {
      const { call, services } = fixture();
      const body = { json: { date: DAY, iterations: 20, seed: 1 } };
      const started = await call("POST", "/api/plans", { token, ...body });
      expect(started.status).toBe(202);
      const jobId = String(((await started.json()) as Json).jobId);
      await services.planning.settled(jobId);
      return (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
    }

    it("does not plan with data shared for analysis only: the purpose is part of the agreement", async () => {
      const job = await plan(scene.commissioner);
      expect(job).toMatchObject({ status: "failed", kind: "day-plan" });
      const error = JSON.stringify(job.error);
      expect(error).toContain("for integrated planning");
      expect(error).toContain("County: no active agreement");
    });

    it("plans the members' trips on their pooled fleets under integrated-planning agreements", async () => {
      const { county, city, services, call } = fixture();
      const { agreements } = services;
      const admin = scene.partnershipAdmin;
      planning.county = await activeAgreement(
        agreements,
        adminOf(county),
        admin,
        "DSA-PL-C",
        "integrated-planning",
      );
      planning.city = await activeAgreement(
        agreements,
        adminOf(city),
        admin,
        "DSA-PL-P",
        "integrated-planning",
      );
      // Vehicles with a cost, so that the members' parts of it can be seen.
      for (const org of [county, city]) {
        const vehicle = `/api/vehicles/${org.rows.vehicles}`;
        const json = {
          reference: `V-${org.id.slice(0, 8)}`,
          kind: "minibus",
          seats: 16,
          depotLat: 52.2,
          depotLon: 0.12,
          fixedCostPence: 9_000,
          costPerKmPence: 120,
        };
        const put = await call("PUT", vehicle, { token: org.users.admin.token, json });
        expect(put.status).toBe(200);
      }
      const job = await plan(scene.commissioner);
      expect(job).toMatchObject({ status: "succeeded", kind: "day-plan" });
      const planId = String((job.result as Json).planId);
      pooledPlanId = planId;
      const token = scene.commissioner;
      const stored = (await (await call("GET", `/api/plans/${planId}`, { token })).json()) as Json;
      expect(stored.organisationId).toBe(scene.partnership);
      expect((stored.summary as Json).pool).toEqual({
        members: [
          { organisation: "City", agreement: "DSA-PL-P" },
          { organisation: "County", agreement: "DSA-PL-C" },
        ],
        leftOut: [],
      });
      // Both members' trips, by the ids their owners know them by, on one plan.
      expect(tripIdsOf(stored).sort()).toEqual(
        [county.rows.tripRequests, city.rows.tripRequests].sort(),
      );
      const evaluation = await services.planning.evaluatePlan(await commissioner(), planId);
      expect(evaluation?.violations).toEqual([]);
      // Nothing that names a passenger is in the plan or the job.
      const text = JSON.stringify([stored, job]);
      for (const secret of [county.rows.passengers, city.rows.passengers, "Lovelace"]) {
        expect(text).not.toContain(secret);
      }
      // The map places every stop from the members' rows, trips under their pseudonyms.
      const map = (await (await call("GET", `/api/plans/${planId}/map`, { token })).json()) as Json;
      const stops = (map.runs as Json[]).flatMap((run) => run.stops as Json[]);
      expect(stops).toHaveLength(4);
      for (const stop of stops) {
        expect(stop.at).toMatchObject({ lat: expect.any(Number), withheld: false });
        expect(String(stop.tripReference)).toMatch(/^psn_/);
      }
      expect((map.runs as Json[]).every((run) => typeof run.vehicleReference === "string")).toBe(
        true,
      );
      // Each member's log names the agreement its rows were read under.
      for (const [member, agreement] of [
        [county.id, planning.county],
        [city.id, planning.city],
      ] as const) {
        const log = await services.unitOfWork.repositories.audit.list(member, {
          offset: 0,
          limit: 50,
          resource: "passengers",
        });
        const reads = log.items.filter((e) => e.details?.agreementId === agreement);
        // One read to plan the day, one to draw its map.
        expect(reads, member).toHaveLength(2);
        for (const read of reads) {
          expect(read).toMatchObject({
            action: "read",
            details: { recipient: scene.partnership, sharingPurpose: "integrated-planning" },
          });
        }
      }
      // Each member sees its own trips in the plan, with their cost, and nobody else's.
      for (const [org, other] of [
        [county, city],
        [city, county],
      ] as const) {
        const res = await call("GET", `/api/partnership-plans?date=${DAY}`, {
          token: org.users.finance.token,
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as Json;
        const items = body.items as Json[];
        expect(items.map((i) => i.planId)).toEqual([planId]);
        const trips = items[0]?.trips as Json[];
        expect(trips.map((t) => t.tripRequestId)).toEqual([org.rows.tripRequests]);
        expect(items[0]).toMatchObject({ partnership: "Transport for the County", planTrips: 2 });
        expect(Number(items[0]?.cost)).toBeGreaterThan(0);
        expect(Number(items[0]?.cost)).toBeLessThanOrEqual(Number(items[0]?.planCost));
        expect(JSON.stringify(body)).not.toContain(other.rows.tripRequests);
      }
      const asDriver = await call("GET", "/api/partnership-plans?date=not-a-date", {
        token: county.users.driver.token,
      });
      expect(asDriver.status).toBe(403);
      const badDate = await call("GET", "/api/partnership-plans?date=2026-02-30", {
        token: county.users.finance.token,
      });
      expect(badDate.status).toBe(422);
      // The passenger's subject access export shows the partnership's plan, and its reads.
      const subject = await call(
        "GET",
        `/api/passengers/${county.rows.passengers}/subject-access`,
        { token: county.users.admin.token },
      );
      expect(subject.status).toBe(200);
      const data = (await subject.json()) as Json;
      const held = (data.plannedJourneys as Json[]).filter((j) => j.planId === planId);
      expect(held.map((j) => [j.kind, j.heldBy])).toEqual([
        ["pickup", "Transport for the County"],
        ["dropoff", "Transport for the County"],
      ]);
      expect(data.sharedWith).toContainEqual({
        organisation: "Transport for the County",
        agreement: "DSA-PL-C",
      });
      // No manifest: the members share their passengers for planning without names.
      const vehicleId = String(((stored.runs as Json[])[0] as Json).vehicleId);
      const manifest = await call("GET", `/api/plans/${planId}/runs/${vehicleId}/manifest`, {
        token,
      });
      expect(manifest.status).toBe(409);
      expect(JSON.stringify(await manifest.json())).toContain("without names");
      // The plan is the partnership's: a member's user is told it does not exist.
      const other = await call("GET", `/api/plans/${planId}`, { token: county.users.admin.token });
      expect(other.status).toBe(404);
    });

    it("keeps a member's own day plan to its own register", async () => {
      const { county } = fixture();
      const job = await plan(county.users.admin.token);
      expect(job).toMatchObject({ status: "succeeded" });
      const summary = (job.result as Json).summary as Json;
      expect(summary.pool).toBeUndefined();
      expect(summary.requests).toBe(1);
    });

    it("leaves out a member whose agreement is suspended, naming it and why", async () => {
      const { city, services } = fixture();
      await services.agreements.changeStatus(adminOf(city), planning.city, "suspended");
      const job = await plan(scene.commissioner);
      const summary = (job.result as Json).summary as Json;
      expect(summary.pool).toEqual({
        members: [{ organisation: "County", agreement: "DSA-PL-C" }],
        leftOut: [
          {
            organisation: "City",
            reason:
              "no active agreement shares its data with the partnership for integrated planning",
          },
        ],
      });
      expect(summary.requests).toBe(1);
    });

    it("fails a running plan, naming the agreement, once the agreement is suspended", async () => {
      const { county, services } = fixture();
      hooked.onNextSolve(async () => {
        await services.agreements.changeStatus(adminOf(county), planning.county, "suspended");
      });
      const job = await plan(scene.commissioner);
      expect(hooked.pending()).toBe(false);
      expect(job).toMatchObject({ status: "failed" });
      expect(JSON.stringify(job.error)).toContain("DSA-PL-C");
    });

    it("keeps the partnership's plan whole when a member erases a passenger it carries", async () => {
      const { county, services, call } = fixture();
      const erased = await call("POST", `/api/passengers/${county.rows.passengers}/erasure`, {
        token: county.users.admin.token,
        json: { ground: "no-longer-necessary", requestReference: "SAR-2026-9" },
      });
      expect(erased.status).toBe(200);
      const evaluation = await services.planning.evaluatePlan(await commissioner(), pooledPlanId);
      expect(evaluation?.violations).toEqual([]);
      const { audit } = services.unitOfWork.repositories;
      for (const org of [county.id, scene.partnership])
        expect(await audit.verify(org)).toBeUndefined();
    });
  });
}
