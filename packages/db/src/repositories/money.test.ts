import type { UnitOfWork } from "@tt/app";
import { MAX_PENCE } from "@tt/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { createUnitOfWork } from "./unit-of-work";

/** £21,474,836.48: one penny more than a 32-bit integer column holds. */
const ABOVE_32_BITS = 2_147_483_648;

for (const driver of listTestDrivers()) {
  describe(`money columns hold 64-bit pence (${driver.name})`, () => {
    let handle: DbHandle;
    let unitOfWork: UnitOfWork;
    let organisationId: string;

    beforeAll(async () => {
      handle = await driver.open();
      unitOfWork = createUnitOfWork(handle.db);
      const org = await unitOfWork.repositories.identity.createOrganisation({
        name: "Money County",
        kind: "council",
      });
      organisationId = org.id;
    });
    afterAll(async () => handle.close());

    it("stores and reads back budgets above £21,474,836.47 exactly, up to the maximum", async () => {
      const { funders, budgets } = unitOfWork.repositories;
      const funder = await funders.create(organisationId, { name: "SEND", kind: "send" });
      for (const amountPence of [ABOVE_32_BITS, 3_000_000_001, MAX_PENCE]) {
        const created = await budgets.create(organisationId, {
          funderId: funder.id,
          financialYear: "2026/27",
          amountPence,
        });
        const read = await budgets.find(organisationId, created.id);
        expect(read?.amountPence).toBe(amountPence);
      }
    });

    it("stores vehicle costs above 32 bits exactly", async () => {
      const vehicle = await unitOfWork.repositories.vehicles.create(organisationId, {
        reference: "V-BIG",
        kind: "minibus",
        seats: 16,
        wheelchairSpaces: 0,
        layouts: [],
        features: [],
        depotLat: 52.2,
        depotLon: 0.12,
        availableFrom: "06:30",
        availableTo: "18:30",
        fixedCostPence: ABOVE_32_BITS + 1,
        costPerKmPence: ABOVE_32_BITS + 2,
        costPerHourPence: ABOVE_32_BITS + 3,
        funderIds: [],
      });
      const read = await unitOfWork.repositories.vehicles.find(organisationId, vehicle.id);
      expect(read).toMatchObject({
        fixedCostPence: ABOVE_32_BITS + 1,
        costPerKmPence: ABOVE_32_BITS + 2,
        costPerHourPence: ABOVE_32_BITS + 3,
      });
    });
  });
}
