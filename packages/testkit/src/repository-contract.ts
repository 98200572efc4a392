import type { Repositories, UnitOfWork } from "@tt/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anOperator, aPassenger, aPlace, aStaffMember, aTripRequest, aVehicle } from "./builders";

export interface ContractDb {
  readonly unitOfWork: UnitOfWork;
  /** Runs raw SQL behind the repositories' back, to prove that tampering is detected. */
  tamper(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The behaviour every adapter of the repository ports must have. Run on each driver. */
export function describeRepositoryContract(name: string, open: () => Promise<ContractDb>): void {
  describe(`repository contract: ${name}`, () => {
    let handle: ContractDb;
    let repos: Repositories;
    let orgA: string;
    let orgB: string;

    beforeAll(async () => {
      handle = await open();
      repos = handle.unitOfWork.repositories;
      orgA = (await repos.identity.createOrganisation({ name: "County", kind: "council" })).id;
      orgB = (await repos.identity.createOrganisation({ name: "Trust", kind: "nhs-body" })).id;
    });
    afterAll(async () => handle.close());

    it("stores and reads back a passenger exactly", async () => {
      const input = aPassenger({ reference: "RT-1" });
      const created = await repos.passengers.create(orgA, input);
      const found = await repos.passengers.find(orgA, created.id);
      expect(found).toMatchObject(input);
      expect(found?.organisationId).toBe(orgA);
    });

    it("never shows one organisation's rows to another", async () => {
      const place = await repos.places.create(orgA, aPlace({ reference: "SCOPE-1" }));
      expect(await repos.places.find(orgB, place.id)).toBeUndefined();
      expect((await repos.places.list(orgB, { offset: 0, limit: 50 })).total).toBe(0);
      expect(await repos.places.update(orgB, place.id, aPlace({ reference: "X" }))).toBeUndefined();
      expect(await repos.places.remove(orgB, place.id)).toBe(false);
      expect(await repos.places.find(orgA, place.id)).toBeDefined();
    });

    it("answers not-found for ids that are not UUIDs", async () => {
      expect(await repos.vehicles.find(orgA, "not-an-id")).toBeUndefined();
    });

    it("pages, searches and filters lists", async () => {
      await repos.places.createMany(
        orgA,
        Array.from({ length: 12 }, (_, i) =>
          aPlace({ reference: `PG-${i}`, name: `Paging Academy ${String(i).padStart(2, "0")}` }),
        ),
      );
      const page = await repos.places.list(orgA, { offset: 5, limit: 5, search: "paging academy" });
      expect(page.total).toBe(12);
      expect(page.items.map((p) => p.name)).toEqual(
        [5, 6, 7, 8, 9].map((i) => `Paging Academy ${String(i).padStart(2, "0")}`),
      );
      const hospitals = await repos.places.list(orgA, {
        offset: 0,
        limit: 5,
        filters: { kind: "hospital" },
      });
      expect(hospitals.total).toBe(0);
      const byOperator = await repos.vehicles.list(orgA, {
        offset: 0,
        limit: 5,
        filters: { operatorId: "nope" },
      });
      expect(byOperator.total).toBe(0);
    });

    it("rejects a duplicate reference as a conflict", async () => {
      await repos.vehicles.create(orgA, aVehicle({ reference: "DUP 1" }));
      await expect(
        repos.vehicles.create(orgA, aVehicle({ reference: "DUP 1" })),
      ).rejects.toMatchObject({
        code: "conflict",
      });
      await expect(
        repos.vehicles.create(orgB, aVehicle({ reference: "DUP 1" })),
      ).resolves.toBeDefined();
    });

    it("clears optional fields an update leaves out (personal data can be erased)", async () => {
      const created = await repos.passengers.create(
        orgA,
        aPassenger({
          reference: "ERASE-1",
          homeAddress: "1 Secret Street",
          homePostcode: "CB1 0AG",
        }),
      );
      const {
        homeAddress: _a,
        homePostcode: _p,
        dateOfBirth: _d,
        ...rest
      } = aPassenger({ reference: "ERASE-1" });
      const updated = await repos.passengers.update(orgA, created.id, rest);
      expect(updated?.homeAddress).toBeUndefined();
      expect((await repos.passengers.find(orgA, created.id))?.homePostcode).toBeUndefined();
      expect((await repos.passengers.find(orgA, created.id))?.dateOfBirth).toBeUndefined();
      const place = await repos.places.create(
        orgA,
        aPlace({ reference: "ERASE-P", postcode: "CB2 0QQ" }),
      );
      const { postcode: _pc, ...placeRest } = aPlace({ reference: "ERASE-P" });
      expect((await repos.places.update(orgA, place.id, placeRest))?.postcode).toBeUndefined();
    });

    it("updates and removes a row", async () => {
      const staff = await repos.staff.create(orgA, aStaffMember({ reference: "UPD-1" }));
      const updated = await repos.staff.update(
        orgA,
        staff.id,
        aStaffMember({ reference: "UPD-1", name: "Renamed" }),
      );
      expect(updated?.name).toBe("Renamed");
      expect(await repos.staff.remove(orgA, staff.id)).toBe(true);
      expect(await repos.staff.find(orgA, staff.id)).toBeUndefined();
    });

    it("round-trips a trip request with its recurrence and ends", async () => {
      const passenger = await repos.passengers.create(orgA, aPassenger({ reference: "TR-P" }));
      const funder = await repos.funders.create(orgA, {
        name: "Home to school",
        kind: "home-to-school",
      });
      const place = await repos.places.create(orgA, aPlace({ reference: "TR-S" }));
      const input = aTripRequest({
        passengerId: passenger.id,
        funderId: funder.id,
        placeId: place.id,
      });
      const stored = await repos.tripRequests.create(orgA, input);
      expect(await repos.tripRequests.find(orgA, stored.id)).toMatchObject(input);
      await expect(repos.passengers.remove(orgA, passenger.id)).rejects.toMatchObject({
        code: "conflict",
      });
    });

    it("stores operators linked to vehicles", async () => {
      const operator = await repos.operators.create(orgA, anOperator());
      const vehicle = await repos.vehicles.create(
        orgA,
        aVehicle({ reference: "OP 1", operatorId: operator.id }),
      );
      expect(vehicle.operatorId).toBe(operator.id);
    });

    it("rolls a failed transaction back whole", async () => {
      const before = await repos.passengers.count(orgA);
      const attempt = handle.unitOfWork.transaction(async (tx) => {
        await tx.passengers.createMany(orgA, [
          aPassenger({ reference: "TX-1" }),
          aPassenger({ reference: "TX-2" }),
        ]);
        await tx.passengers.create(orgA, aPassenger({ reference: "TX-1" }));
      });
      await expect(attempt).rejects.toMatchObject({ code: "conflict" });
      expect(await repos.passengers.count(orgA)).toBe(before);
    });

    it("chains audit entries and detects tampering", async () => {
      for (const id of ["a", "b", "c"]) {
        await repos.audit.append({
          organisationId: orgB,
          userId: null,
          action: "read",
          resource: "passengers",
          resourceIds: [id],
          purpose: "contract test",
          details: { zebra: 1, an: { yz: true, b: [2, 1] }, rows: 3 },
        });
      }
      expect(await repos.audit.verify(orgB)).toBeUndefined();
      const listed = await repos.audit.list(orgB, { offset: 0, limit: 10, resourceId: "b" });
      expect(listed.total).toBe(1);
      expect(listed.items[0]?.purpose).toBe("contract test");
      await handle.tamper(
        `update audit_log set purpose = 'altered' where organisation_id = '${orgB}' and resource_ids = '{b}'`,
      );
      expect(await repos.audit.verify(orgB)).toBe(listed.items[0]?.id);
    });
  });
}
