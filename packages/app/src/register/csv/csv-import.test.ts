import { createUnitOfWork, type DbHandle, listTestDrivers } from "@tt/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnitOfWork } from "../../ports";
import type { CsvTransfer } from "./csv-port";
import { createCsvTransfer } from "./csv-transfer";
import { anOrganisation, chunked, collect, failure } from "./test-support/organisation";
import { PASSENGER_HEADER, passengerFile } from "./test-support/passenger-file";

for (const driver of listTestDrivers()) {
  describe(`CSV import of passengers (${driver.name})`, () => {
    let handle: DbHandle;
    let unitOfWork: UnitOfWork;
    let csv: CsvTransfer;

    beforeAll(async () => {
      handle = await driver.open();
      unitOfWork = createUnitOfWork(handle.db);
      csv = createCsvTransfer(unitOfWork);
    });
    afterAll(async () => handle.close());

    const count = (organisationId: string) =>
      unitOfWork.repositories.passengers.count(organisationId);

    it("rejects 1,000 rows with 3 bad ones, naming each row, and stores nothing; the corrected file imports", async () => {
      const actor = await anOrganisation(unitOfWork);
      const bad = passengerFile(1000, {
        14: { 6: "75.2" },
        500: { 3: "2012-02-30" },
        1001: { 8: "maybe" },
      });
      const error = await failure(csv.importCsv(actor, "passengers", chunked(bad, 1000)));
      expect(error.code).toBe("validation-failed");
      expect(error.message).toBe("3 rows have problems; nothing was stored.");
      expect(error.details).toEqual([
        {
          row: 14,
          path: "home_lat",
          message: "latitude must be between 49.8 and 61 (Great Britain)",
        },
        {
          row: 500,
          path: "date_of_birth",
          message: 'expected a date "YYYY-MM-DD", found "2012-02-30"',
        },
        { row: 1001, path: "wheelchair", message: expect.stringContaining("expected yes or no") },
      ]);
      expect(await count(actor.organisationId)).toBe(0);

      const progress: number[] = [];
      const report = await csv.importCsv(actor, "passengers", chunked(passengerFile(1000)), {
        onProgress: (n) => progress.push(n),
      });
      expect(report).toEqual({ kind: "passengers", rowsRead: 1000, created: 1000 });
      expect(await count(actor.organisationId)).toBe(1000);
      expect(progress).toEqual([200, 400, 600, 800, 1000, 1000]);
    });

    it("reads defaults, booleans, lists and a byte-order mark", async () => {
      const actor = await anOrganisation(unitOfWork);
      const text = `\uFEFF${passengerFile(101)}`;
      await csv.importCsv(actor, "passengers", chunked(text, 7));
      const repo = unitOfWork.repositories.passengers;
      const p101 = await repo.findByReference(actor.organisationId, "P-00101");
      expect(p101?.needs).toEqual({
        wheelchair: false,
        passengerAssistant: false,
        seating: "standard",
        travelAlone: false,
        doorThroughDoor: false,
        mayNotTravelWith: ["P-00100"],
      });
      const p23 = await repo.findByReference(actor.organisationId, "P-00023");
      expect(p23?.needs.passengerAssistant).toBe(true);
      const p4 = await repo.findByReference(actor.organisationId, "P-00004");
      expect(p4?.givenName).toBe("Zoë");
    });

    it("asks for UTF-8 when a spreadsheet saved the file in another encoding", async () => {
      const actor = await anOrganisation(unitOfWork);
      const latin1 = Buffer.from(
        "reference,given_name,family_name,home_lat,home_lon\nP-1,Zo\xEB,Smith,52.2,0.1\n",
        "latin1",
      );
      const error = await failure(
        csv.importCsv(
          actor,
          "passengers",
          (async function* () {
            yield latin1;
          })(),
        ),
      );
      expect(error.details).toEqual([
        { row: 2, path: "given_name", message: expect.stringContaining("CSV UTF-8") },
      ]);
    });

    it("converts British National Grid easting/northing to latitude/longitude", async () => {
      const actor = await anOrganisation(unitOfWork);
      const text =
        "Reference,Given Name,Family Name,Home Easting,Home Northing\nP-1,Ada,Lovelace,546474,255130\n";
      await csv.importCsv(actor, "passengers", chunked(text));
      const p = await unitOfWork.repositories.passengers.findByReference(
        actor.organisationId,
        "P-1",
      );
      expect(p?.homeLat).toBeCloseTo(52.17499, 5);
      expect(p?.homeLon).toBeCloseTo(0.140622, 5);
    });

    it("names unknown and missing columns", async () => {
      const actor = await anOrganisation(unitOfWork);
      const text = "reference,given_name,home_lat,home_lon,shoe_size\nP-1,Ada,52.2,0.1,5\n";
      const error = await failure(csv.importCsv(actor, "passengers", chunked(text)));
      expect(error.details).toEqual([
        { row: 1, path: "shoe_size", message: 'unknown column "shoe_size"' },
        { row: 1, path: "family_name", message: 'missing column "family_name"' },
      ]);
      const noPlace = await failure(
        csv.importCsv(actor, "passengers", chunked("reference,given_name,family_name\n")),
      );
      expect(noPlace.details[0]?.message).toContain(
        "home_lat and home_lon, or home_easting and home_northing",
      );
    });

    it("reports references repeated in the file, already stored, or unknown", async () => {
      const actor = await anOrganisation(unitOfWork);
      await csv.importCsv(actor, "passengers", chunked(passengerFile(2)));
      const text = [
        PASSENGER_HEADER,
        "P-00002,Ada,Lovelace,,,,52.2,0.1,,,,,,",
        "P-10,Ada,Lovelace,,,,52.2,0.1,,,,,,P-99",
        "P-10,Alan,Turing,,,,52.2,0.1,,,,,,P-00001",
      ].join("\n");
      const error = await failure(csv.importCsv(actor, "passengers", chunked(text)));
      expect(error.details).toEqual([
        {
          row: 2,
          path: "reference",
          message: 'a passenger with reference "P-00002" already exists in your organisation',
        },
        { row: 4, path: "reference", message: 'reference "P-10" is already used on row 3' },
        {
          row: 3,
          path: "may_not_travel_with",
          message: 'no passenger with reference "P-99" in this file or your organisation',
        },
      ]);
      const unknown = await failure(
        csv.importCsv(
          actor,
          "passengers",
          chunked(text.split("\n").slice(0, 3).join("\n").replace("P-00002", "P-3")),
        ),
      );
      expect(unknown.details).toEqual([
        {
          row: 3,
          path: "may_not_travel_with",
          message: 'no passenger with reference "P-99" in this file or your organisation',
        },
      ]);
      expect(await count(actor.organisationId)).toBe(2);
    });

    it("refuses a role without write access, before reading the file", async () => {
      const driverActor = await anOrganisation(unitOfWork, "driver");
      const error = await failure(
        csv.importCsv(driverActor, "passengers", chunked(passengerFile(1))),
      );
      expect(error.code).toBe("forbidden");
      expect(() => csv.exportCsv(driverActor, "passengers")).toThrow(/may not read passengers/);
    });

    it("audits the import and the export of personal data", async () => {
      const actor = await anOrganisation(unitOfWork);
      await csv.importCsv(actor, "passengers", chunked(passengerFile(3)));
      await collect(csv.exportCsv(actor, "passengers"));
      const log = await unitOfWork.repositories.audit.list(actor.organisationId, {
        offset: 0,
        limit: 10,
      });
      const entries = log.items.map((e) => ({
        action: e.action,
        resource: e.resource,
        n: e.resourceIds.length,
        purpose: e.purpose,
        details: e.details,
      }));
      expect(entries).toEqual(
        expect.arrayContaining([
          {
            action: "import",
            resource: "passengers",
            n: 3,
            purpose: "test import",
            details: { rows: 3 },
          },
          {
            action: "export",
            resource: "passengers",
            n: 0,
            purpose: "test import",
            details: { rows: 3, scope: "all rows of the organisation" },
          },
        ]),
      );
      expect(await unitOfWork.repositories.audit.verify(actor.organisationId)).toBeUndefined();
    });

    it("caps the list of problems and counts the rest", async () => {
      const actor = await anOrganisation(unitOfWork);
      const overrides = Object.fromEntries(
        Array.from({ length: 1100 }, (_, i) => [i + 2, { 6: "x" }]),
      );
      const error = await failure(
        csv.importCsv(actor, "passengers", chunked(passengerFile(1100, overrides))),
      );
      expect(error.message).toBe("1100 rows have problems; nothing was stored.");
      expect(error.details).toHaveLength(1001);
      expect(error.details[1000]?.message).toBe("…and 100 more problems not listed");
    });
  });
}
