import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createUnitOfWork, type DbHandle, listTestDrivers } from "@tt/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnitOfWork } from "../../ports";
import type { Actor } from "../../shared";
import type { CsvKind, CsvTransfer } from "./csv-port";
import { createCsvTransfer } from "./csv-transfer";
import { anOrganisation, chunked, collect, failure } from "./test-support/organisation";
import { addReferenceData } from "./test-support/reference-data";

const EXAMPLES: [CsvKind, string][] = [
  ["places", "places.csv"],
  ["passengers", "passengers.csv"],
  ["vehicles", "vehicles.csv"],
  ["tripRequests", "trip-requests.csv"],
];

function example(file: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../../../data/examples/${file}`, import.meta.url)),
    "utf8",
  );
}

for (const driver of listTestDrivers()) {
  describe(`CSV files of every kind (${driver.name})`, () => {
    let handle: DbHandle;
    let unitOfWork: UnitOfWork;
    let csv: CsvTransfer;
    const anOrganisationWithReferenceData = async (): Promise<Actor> => {
      const actor = await anOrganisation(unitOfWork);
      await addReferenceData(unitOfWork, actor);
      return actor;
    };

    beforeAll(async () => {
      handle = await driver.open();
      unitOfWork = createUnitOfWork(handle.db);
      csv = createCsvTransfer(unitOfWork);
    });
    afterAll(async () => handle.close());

    it("imports the example files, and export → import → export gives the same files", async () => {
      const first = await anOrganisationWithReferenceData();
      const exported: string[] = [];
      for (const [kind, file] of EXAMPLES) {
        const report = await csv.importCsv(first, kind, chunked(example(file), 64));
        expect(report.created).toBe(example(file).trim().split("\n").length - 1);
        exported.push(await collect(csv.exportCsv(first, kind)));
      }
      const second = await anOrganisationWithReferenceData();
      for (const [index, [kind]] of EXAMPLES.entries()) {
        await csv.importCsv(second, kind, chunked(exported[index] ?? ""));
        expect(await collect(csv.exportCsv(second, kind))).toBe(exported[index]);
      }
    });

    it("stores what the example files say, pounds as exact pence and grid references as lat/lon", async () => {
      const actor = await anOrganisationWithReferenceData();
      for (const [kind, file] of EXAMPLES) await csv.importCsv(actor, kind, chunked(example(file)));
      const repos = unitOfWork.repositories;
      const minibus = await repos.vehicles.findByReference(actor.organisationId, "AK19 XRT");
      expect(minibus).toMatchObject({
        fixedCostPence: 9500,
        costPerKmPence: 45,
        costPerHourPence: 1850,
      });
      expect(minibus?.layouts).toEqual([
        { seats: 12, wheelchairSpaces: 2 },
        { seats: 8, wheelchairSpaces: 4 },
      ]);
      const [schoolBudget] = await repos.funders.findByNames(actor.organisationId, [
        "Home to School Transport",
      ]);
      expect(minibus?.funderIds).toEqual([schoolBudget?.id]);
      const hospital = await repos.places.findByReference(actor.organisationId, "HOS-ADDB");
      expect(hospital?.lat).toBeCloseTo(52.17499, 5);
      expect(hospital?.lon).toBeCloseTo(0.140622, 5);
      const outbound = await repos.tripRequests.findByReference(actor.organisationId, "T-0007");
      const back = await repos.tripRequests.findByReference(actor.organisationId, "T-0007R");
      expect(back?.returnOfId).toBe(outbound?.id);
      expect(back?.recurrence).toEqual({ kind: "one-off", date: "2026-10-14" });
      const school = await repos.tripRequests.findByReference(actor.organisationId, "T-0003");
      expect(school?.recurrence).toMatchObject({ weekdays: ["mon", "tue", "wed", "thu", "fri"] });
      expect(
        school?.recurrence.kind === "recurring" && school.recurrence.termCalendarId,
      ).toBeTruthy();
    });

    it("reads money without float drift", async () => {
      const actor = await anOrganisationWithReferenceData();
      const text =
        'reference,kind,seats,depot_lat,depot_lon,fixed_cost_gbp,cost_per_km_gbp,cost_per_hour_gbp\nV1,car,4,52.2,0.1,"£1,234.57",0.29,19.9\n';
      await csv.importCsv(actor, "vehicles", chunked(text));
      const v = await unitOfWork.repositories.vehicles.findByReference(actor.organisationId, "V1");
      expect(v).toMatchObject({
        fixedCostPence: 123457,
        costPerKmPence: 29,
        costPerHourPence: 1990,
      });
    });

    it("reports unresolved references in trip requests with their rows", async () => {
      const actor = await anOrganisationWithReferenceData();
      for (const [kind, file] of EXAMPLES.slice(0, 2))
        await csv.importCsv(actor, kind, chunked(example(file)));
      const header = example("trip-requests.csv").split("\n")[0];
      const text = [
        header,
        "T-1,P-9999,Home to School Transport,school,home,SCH-NETH,arrive-by,08:40,,,,,mon-fri,2026-09-03,2027-07-21,,,",
        "T-2,P-0001,Nobody Pays,school,home,SCH-NOPE,arrive-by,08:40,,,,,mon-fri,2026-09-03,2027-07-21,,,",
        "T-3,P-0001,Home to School Transport,school,SCH-NETH,home,depart-after,15:10,,,,2026-09-03,,,,,T-404,",
        "T-4,P-0001,Home to School Transport,school,SCH-NETH,home,depart-after,15:10,,,,2026-09-03,,,,,T-1,",
      ].join("\n");
      const error = await failure(csv.importCsv(actor, "tripRequests", chunked(text)));
      expect(error.details).toEqual([
        {
          row: 2,
          path: "passenger_reference",
          message: 'no passenger with reference "P-9999" in your organisation',
        },
        {
          row: 3,
          path: "funder",
          message: 'no funder with name "Nobody Pays" in your organisation',
        },
        {
          row: 3,
          path: "destination",
          message: 'no place with reference "SCH-NOPE" in your organisation',
        },
        {
          row: 4,
          path: "return_of",
          message: 'no trip request with reference "T-404" in this file or your organisation',
        },
      ]);
      expect(await unitOfWork.repositories.tripRequests.count(actor.organisationId)).toBe(0);
    });

    it("names a vehicle's unknown silo funder with its row, and stores nothing", async () => {
      const actor = await anOrganisationWithReferenceData();
      const text = [
        "reference,kind,seats,depot_lat,depot_lon,funders",
        "V1,car,4,52.2,0.1,Home to School Transport",
        "V2,car,4,52.2,0.1,Home to School Transport;Nobody Pays",
      ].join("\n");
      const error = await failure(csv.importCsv(actor, "vehicles", chunked(text)));
      expect(error.details).toEqual([
        {
          row: 3,
          path: "funders",
          message: 'no funder with name "Nobody Pays" in your organisation',
        },
      ]);
      expect(await unitOfWork.repositories.vehicles.count(actor.organisationId)).toBe(0);
    });

    it("stores a return listed before its outbound", async () => {
      const actor = await anOrganisationWithReferenceData();
      for (const [kind, file] of EXAMPLES.slice(0, 2))
        await csv.importCsv(actor, kind, chunked(example(file)));
      const lines = example("trip-requests.csv").trim().split("\n");
      const reordered = [lines[0], ...lines.slice(1).reverse()].join("\r\n");
      const report = await csv.importCsv(actor, "tripRequests", chunked(reordered));
      expect(report.created).toBe(lines.length - 1);
    });
  });
}
