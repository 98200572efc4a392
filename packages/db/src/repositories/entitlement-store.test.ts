import { type Actor, EntitlementService, type UnitOfWork } from "@tt/app";
import { aPassenger } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { createUnitOfWork } from "./unit-of-work";

const CASE = {
  regime: "home-to-school",
  pupil: { age: 9 },
  school: { qualifying: true, nearestSuitable: true, walkingDistanceMiles: 3.4 },
};
const fixedClock = { now: () => new Date("2026-10-01T09:00:00Z") };

for (const driver of listTestDrivers()) {
  describe(`entitlement decisions (${driver.name})`, () => {
    let handle: DbHandle;
    let unitOfWork: UnitOfWork;
    let service: EntitlementService;
    let county: Actor;
    let trust: Actor;
    let passengerId: string;

    beforeAll(async () => {
      handle = await driver.open();
      unitOfWork = createUnitOfWork(handle.db);
      service = new EntitlementService(unitOfWork, fixedClock);
      const repos = unitOfWork.repositories;
      const actorIn = async (name: string, role: Actor["role"]): Promise<Actor> => {
        const org = await repos.identity.createOrganisation({ name, kind: "council" });
        const user = await repos.identity.createUser({
          organisationId: org.id,
          email: `${role}@${name}.example`,
          displayName: name,
          role,
          passwordHash: "x",
        });
        return { organisationId: org.id, userId: user.id, role };
      };
      county = await actorIn("county", "assessor");
      trust = await actorIn("trust", "admin");
      passengerId = (await repos.passengers.create(county.organisationId, aPassenger())).id;
    });
    afterAll(() => handle.close());

    it("stores the decision with its dates and policy version, and writes an audit row", async () => {
      const stored = await service.assess(county, CASE, {
        passengerId,
        purpose: "annual assessment",
      });
      expect(stored).toMatchObject({
        organisationId: county.organisationId,
        passengerId,
        regime: "home-to-school",
        category: "statutory-walking-distance",
        eligible: true,
        policyVersion: "england-statutory@2026.1",
        assessedOn: "2026-10-01",
        appealDeadline: "2026-10-29",
        createdBy: county.userId,
      });
      expect(stored.decision.reasons.length).toBeGreaterThan(2);
      const audit = await unitOfWork.repositories.audit.list(county.organisationId, {
        offset: 0,
        limit: 5,
        resource: "entitlements",
      });
      expect(audit.items[0]).toMatchObject({
        action: "create",
        resourceIds: [stored.id, passengerId],
        purpose: "annual assessment",
      });
      expect(await service.get(county, stored.id)).toEqual(stored);
    });

    it("never shows one organisation's decisions to another", async () => {
      const stored = await service.assess(county, CASE, { purpose: "test" });
      await expect(service.get(trust, stored.id)).rejects.toMatchObject({ code: "not-found" });
      const page = await service.list(trust, { offset: 0, limit: 50 });
      expect(page.items.map((d) => d.id)).not.toContain(stored.id);
    });

    it("lists a passenger's decisions, newest first", async () => {
      const older = await service.assess(county, CASE, { passengerId, purpose: "test" });
      const newer = await service.assess(
        county,
        { ...CASE, pupil: { age: 7 } },
        { passengerId, purpose: "test" },
      );
      const page = await service.list(county, { offset: 0, limit: 50, passengerId });
      const ids = page.items.map((d) => d.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      expect(page.items.every((d) => d.passengerId === passengerId)).toBe(true);
      expect(page.total).toBe(page.items.length);
    });

    it("stores nothing, not even an audit row, when the passenger is another organisation's", async () => {
      const before = await unitOfWork.repositories.entitlements.list(trust.organisationId, {
        offset: 0,
        limit: 500,
      });
      await expect(
        service.assess(trust, CASE, { passengerId, purpose: "test" }),
      ).rejects.toMatchObject({
        code: "validation-failed",
        details: [expect.objectContaining({ path: "passengerId" })],
      });
      const after = await unitOfWork.repositories.entitlements.list(trust.organisationId, {
        offset: 0,
        limit: 500,
      });
      expect(after.total).toBe(before.total);
    });

    it("refuses roles without the entitlements grant, and names invalid fields", async () => {
      await expect(
        service.assess({ ...county, role: "driver" }, CASE, { purpose: "test" }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        service.assess(
          county,
          { regime: "home-to-school", pupil: {}, school: {} },
          { purpose: "test" },
        ),
      ).rejects.toMatchObject({
        code: "validation-failed",
        details: expect.arrayContaining([
          expect.objectContaining({ path: "case.school.qualifying" }),
        ]),
      });
    });
  });
}
