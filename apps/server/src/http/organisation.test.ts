import { listTestDrivers } from "@tt/db";
import { describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";

for (const driver of listTestDrivers()) {
  describe(`GET /api/organisation (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    it("answers the caller's own organisation, whatever the role", async () => {
      const { call, county, city } = fixture();
      for (const [org, name] of [
        [county, "County"],
        [city, "City"],
      ] as const) {
        const res = await call("GET", "/api/organisation", { token: org.users.driver.token });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ id: org.id, name, kind: "council" });
      }
    });

    it("needs a signed-in caller", async () => {
      const res = await fixture().call("GET", "/api/organisation");
      expect(res.status).toBe(401);
    });
  });
}
