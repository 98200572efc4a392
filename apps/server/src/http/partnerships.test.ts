import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, useFixture } from "./test-support/fixture";
import { buildScene, type Scene } from "./test-support/partnership-scene";

type Json = Record<string, unknown>;

for (const driver of listTestDrivers()) {
  describe(`partnerships and agreements as their parties see them (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    const get = async (token: string, path: string) => {
      const res = await fixture().call("GET", path, { token });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const names = (body: Json) => (body.items as Json[]).map((p) => p.name);

    it("lists the partnership to its users and to its members' users, with its members", async () => {
      const { county, city } = fixture();
      const own = await get(scene.commissioner, "/api/partnerships");
      expect(names(own.body)).toEqual(["Transport for the County"]);
      const [partnership] = own.body.items as Json[];
      const members = (partnership?.members ?? []) as Json[];
      expect(members.map((m) => m.name)).toEqual(["City", "County"]);
      for (const token of [county.users.admin.token, city.users.driver.token]) {
        const member = await get(token, "/api/partnerships");
        expect(member.body.items).toEqual(own.body.items);
      }
    });

    it("lists no partnership to an organisation that is in none", async () => {
      const { services } = fixture();
      const outsider = await services.auth.createOrganisation({
        name: "Elsewhere",
        kind: "council",
      });
      const user = await services.auth.createUser({
        organisationId: outsider.id,
        email: "admin@elsewhere.example",
        displayName: "Elsewhere admin",
        role: "admin",
        password: PASSWORD,
      });
      const { token } = await services.auth.issueApiToken(user.id, "tests");
      expect((await get(token, "/api/partnerships")).body).toEqual({ items: [] });
      expect((await get(token, "/api/partnership")).status).toBe(404);
    });

    it("names each agreement's parties", async () => {
      const { county } = fixture();
      const { body } = await get(county.users.auditor.token, "/api/agreements");
      const [view] = body.items as Json[];
      expect(view?.parties).toEqual([
        { id: county.id, name: "County", kind: "council" },
        { id: scene.partnership, name: "Transport for the County", kind: "partnership" },
      ]);
      const one = await get(scene.commissioner, `/api/agreements/${scene.agreements.county}`);
      expect(one.body.parties).toEqual(view?.parties);
    });
  });
}
