import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";
import { adminOf, buildScene, DAY, type Scene } from "./test-support/partnership-scene";

type Json = Record<string, unknown>;

const FUNDERS = "/api/analyses/integration/funders";

for (const driver of listTestDrivers()) {
  describe(`the funders an integration analysis may plan (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    const get = async (token: string, path = FUNDERS) => {
      const res = await fixture().call("GET", path, { token });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const start = async (token: string, json: Json) => {
      const res = await fixture().call("POST", "/api/analyses/integration", { token, json });
      return { status: res.status, body: (await res.json()) as Json };
    };

    it("offers a partnership the members' funders its analysis agreements cover", async () => {
      const { county, city } = fixture();
      const { status, body } = await get(scene.commissioner);
      expect(status).toBe(200);
      const items = body.items as Json[];
      expect(items.map((f) => [f.id, f.organisationName, (f.agreement as Json).reference])).toEqual(
        expect.arrayContaining([
          [county.rows.funders, "County", "DSA-AN-C"],
          [city.rows.funders, "City", "DSA-AN-P"],
        ]),
      );
      expect(items).toHaveLength(2);
      expect(body.skipped).toEqual([]);
    });

    it("offers a member only its own funders, and no one without the plans grant", async () => {
      const { county } = fixture();
      const own = await get(county.users.admin.token);
      expect(own.body).toEqual({
        items: [
          {
            id: county.rows.funders,
            name: "SEND transport county",
            kind: "send",
            organisationId: county.id,
            organisationName: "County",
          },
        ],
        skipped: [],
      });
      // An auditor has no plans grant: refused before anything is read.
      expect((await get(county.users.auditor.token)).status).toBe(403);
    });

    it("plans only the funders chosen, and reads no member none of whose funders is", async () => {
      const { county, city, services } = fixture();
      const cityReads = async () =>
        (
          await services.unitOfWork.repositories.audit.list(city.id, {
            offset: 0,
            limit: 50,
            agreementId: scene.agreements.city,
            resource: "passengers",
          })
        ).total;
      const before = await cityReads();
      const { body } = await start(scene.commissioner, {
        date: DAY,
        iterations: 10,
        seed: 1,
        funderIds: [county.rows.funders],
      });
      const jobId = String(body.jobId);
      await services.analyses.settled(jobId);
      const job = await get(scene.commissioner, `/api/jobs/${jobId}`);
      expect(job.body).toMatchObject({ status: "succeeded" });
      const report = (job.body.result as Json).report as Json;
      expect(Object.keys(report.silo as Json)).toEqual(["send-transport-county"]);
      expect(await cityReads()).toBe(before);
    });

    it("refuses a funder the caller may not analyse, naming it, before any job starts", async () => {
      const { county, city, services } = fixture();
      const theirs = await start(county.users.admin.token, {
        date: DAY,
        funderIds: [city.rows.funders],
      });
      expect(theirs.status).toBe(422);
      expect(theirs.body.details).toEqual([
        { path: "funderIds.0", message: `no funder ${city.rows.funders} that you may analyse` },
      ]);
      const none = await start(scene.commissioner, { date: DAY, funderIds: [] });
      expect(none.body.details).toEqual([
        { path: "funderIds", message: "choose at least one funder" },
      ]);
      // A member whose agreement is suspended is offered no more, and its funders are refused.
      await services.agreements.changeStatus(adminOf(city), scene.agreements.city, "suspended");
      const offered = await get(scene.commissioner);
      expect((offered.body.items as Json[]).map((f) => f.id)).toEqual([county.rows.funders]);
      expect(offered.body.skipped).toEqual([
        {
          organisationId: city.id,
          name: "City",
          reason: "no active agreement shares its data with the partnership for analysis",
        },
      ]);
      const refused = await start(scene.commissioner, {
        date: DAY,
        funderIds: [city.rows.funders],
      });
      expect(refused.status).toBe(422);
    });
  });
}
