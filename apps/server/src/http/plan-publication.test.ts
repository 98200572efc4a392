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
    let pooledPlan = "";
    const planningAgreements = { county: "", city: "" };

    beforeAll(async () => {
      const f = fixture();
      scene = await buildScene(f);
      const admin = scene.partnershipAdmin;
      const share = (org: typeof f.county, reference: string) =>
        activeAgreement(
          f.services.agreements,
          adminOf(org),
          admin,
          reference,
          "integrated-planning",
        );
      planningAgreements.county = await share(f.county, "DSA-PUB-C");
      planningAgreements.city = await share(f.city, "DSA-PUB-P");
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
      // An id is bounded: it is echoed in a 404's message.
      expect((await publish("x".repeat(7000), county.users.admin.token)).status).toBe(422);
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
      pooledPlan = pooled;
    });

    it("frees a member's vehicles once it stops sharing, and then refuses the pooled plan", async () => {
      const { county, city, services, call } = fixture();
      const latest = async (token: string) => {
        const list = (await (
          await call("GET", `/api/plans?serviceDate=${DAY}`, { token })
        ).json()) as Json;
        return (list.items as Json[])
          .filter((p) => p.status === "published")
          .map((p) => String(p.id));
      };
      // The councils withdraw their published plans; the partnership's pooled plan goes live.
      for (const org of [county, city]) {
        for (const id of await latest(org.users.admin.token)) {
          const withdrawn = await call("POST", `/api/plans/${id}/withdraw`, {
            token: org.users.admin.token,
          });
          expect(withdrawn.status).toBe(200);
          expect(await statusOf(id, org.users.admin.token)).toBe("draft");
        }
      }
      expect((await publish(pooledPlan, scene.commissioner)).status).toBe(200);
      // The pooled plan carries both trips on one or both of the councils' vehicles: a council
      // whose vehicle it uses cannot publish its own plan over it.
      const members = [
        { org: county, agreement: planningAgreements.county, reference: "DSA-PUB-C" },
        { org: city, agreement: planningAgreements.city, reference: "DSA-PUB-P" },
      ];
      const refused = [];
      for (const member of members) {
        const token = member.org.users.admin.token;
        const own = await plan(token);
        const status = (await publish(own, token)).status;
        expect([200, 409]).toContain(status);
        if (status === 409) refused.push({ ...member, own });
      }
      expect(refused.length).toBeGreaterThan(0);
      // It stops sharing its day: the pooled plan no longer holds its vehicles.
      const [member] = refused;
      if (!member) throw new Error("no council was refused");
      const token = member.org.users.admin.token;
      await services.agreements.changeStatus(adminOf(member.org), member.agreement, "suspended");
      expect((await publish(member.own, token)).status).toBe(200);
      // And the partnership cannot publish a plan that pooled its day under it again.
      await call("POST", `/api/plans/${pooledPlan}/withdraw`, { token: scene.commissioner });
      const again = await publish(pooledPlan, scene.commissioner);
      expect(again.status).toBe(409);
      expect(String(((await again.json()) as Json).message)).toContain(member.reference);
      const driver = await call("POST", `/api/plans/${member.own}/withdraw`, {
        token: member.org.users.driver.token,
      });
      expect(driver.status).toBe(403);
    });
  });
}
