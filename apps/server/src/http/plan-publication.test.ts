import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";
import {
  activeAgreement,
  adminOf,
  buildScene,
  DAY,
  type Scene,
} from "./test-support/partnership-scene";

type Json = Record<string, unknown>;

for (const driver of listTestDrivers()) {
  describe(`publishing a plan as its day's operating plan (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;

    beforeAll(async () => {
      const f = fixture();
      scene = await buildScene(f);
      for (const [org, reference] of [
        [f.county, "DSA-PUB-C"],
        [f.city, "DSA-PUB-P"],
      ] as const) {
        const admin = scene.partnershipAdmin;
        await activeAgreement(
          f.services.agreements,
          adminOf(org),
          admin,
          reference,
          "integrated-planning",
        );
      }
    });

    async function plan(token: string): Promise<string> {
      const { call, services } = fixture();
      const body = { json: { date: DAY, iterations: 10, seed: 1 } };
      const started = await call("POST", "/api/plans", { token, ...body });
      const jobId = String(((await started.json()) as Json).jobId);
      await services.planning.settled(jobId);
      const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
      expect(job.status).toBe("succeeded");
      return String((job.result as Json).planId);
    }

    const publish = (id: string, token: string) =>
      fixture().call("POST", `/api/plans/${id}/publish`, { token });
    const statusOf = async (id: string, token: string) =>
      ((await (await fixture().call("GET", `/api/plans/${id}`, { token })).json()) as Json).status;

    it("publishes one plan per organisation and day, superseding the one before, audited", async () => {
      const { county, services } = fixture();
      const token = county.users.admin.token;
      const first = await plan(token);
      const published = await publish(first, token);
      expect(published.status).toBe(200);
      expect(await published.json()).toMatchObject({
        plan: { id: first, status: "published" },
        superseded: [],
      });
      const second = await plan(token);
      const again = (await (await publish(second, token)).json()) as Json;
      expect(again.superseded).toEqual([first]);
      expect(await statusOf(first, token)).toBe("superseded");
      expect(await statusOf(second, token)).toBe("published");
      const log = await services.unitOfWork.repositories.audit.list(county.id, {
        offset: 0,
        limit: 5,
        resource: "plans",
      });
      expect(log.items[0]).toMatchObject({ action: "publish", resourceIds: [second, first] });
    });

    it("publishes a change to the operating plan with it, and only a plan's latest revision", async () => {
      const { county, call } = fixture();
      const token = county.users.admin.token;
      const live = await plan(token);
      await publish(live, token);
      const saved = await call("PUT", `/api/plans/${live}/runs`, {
        token,
        json: { runs: [], reason: "the trip taken off its run", acceptViolations: true },
      });
      expect(saved.status).toBe(201);
      const revision = String((((await saved.json()) as Json).plan as Json).id);
      expect(await statusOf(revision, token)).toBe("published");
      expect(await statusOf(live, token)).toBe("superseded");
      const stale = await publish(live, token);
      expect(stale.status).toBe(409);
      expect(String(((await stale.json()) as Json).message)).toContain("latest revision");
    });

    it("is for planners of the plan's own organisation", async () => {
      const { county, city } = fixture();
      const mine = await plan(county.users.admin.token);
      expect((await publish(mine, county.users.driver.token)).status).toBe(403);
      expect((await publish(mine, county.users.finance.token)).status).toBe(403);
      expect((await publish(mine, city.users.admin.token)).status).toBe(404);
      expect((await publish("not-a-plan", county.users.admin.token)).status).toBe(404);
    });

    it("refuses a plan that runs a vehicle while another organisation's published plan runs it", async () => {
      const { county, city } = fixture();
      // Each council's published plan runs its own vehicle for its own trip; the partnership's
      // pooled plan of the same day carries both trips on the members' fleets, at those times.
      const cityPlan = await plan(city.users.admin.token);
      expect((await publish(cityPlan, city.users.admin.token)).status).toBe(200);
      const pooled = await plan(scene.commissioner);
      const refused = await publish(pooled, scene.commissioner);
      expect(refused.status).toBe(409);
      const body = (await refused.json()) as Json;
      expect(String(body.message)).toContain("another organisation's published plan");
      const details = body.details as Json[];
      const vehicles = [county.rows.vehicles, city.rows.vehicles].map((id) => `runs.${id}`);
      expect(details.length).toBeGreaterThan(0);
      for (const detail of details) expect(vehicles).toContain(detail.path);
      expect(String(details[0]?.message)).toMatch(/this plan \d\d:\d\d–\d\d:\d\d, another/);
      expect(await statusOf(pooled, scene.commissioner)).toBe("draft");
    });
  });
}
