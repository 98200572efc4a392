import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createUnitOfWork, type DbHandle, listTestDrivers } from "@tt/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories, UnitOfWork } from "../../ports";
import { createCsvTransfer } from "./csv-transfer";
import { anOrganisation, chunked, collect } from "./test-support/organisation";
import { passengerFile } from "./test-support/passenger-file";
import { addReferenceData } from "./test-support/reference-data";

function example(file: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../../../data/examples/${file}`, import.meta.url)),
    "utf8",
  );
}

/** The unit of work, with every call to a register repository outside transactions counted. */
function counting(unitOfWork: UnitOfWork) {
  const calls = new Map<string, number>();
  const wrap = <R extends object>(name: string, repository: R): R =>
    new Proxy(repository, {
      get(target, method, receiver) {
        const value = Reflect.get(target, method, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const key = `${name}.${String(method)}`;
          calls.set(key, (calls.get(key) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
  const repos = unitOfWork.repositories;
  const repositories: Repositories = {
    ...repos,
    passengers: wrap("passengers", repos.passengers),
    places: wrap("places", repos.places),
    funders: wrap("funders", repos.funders),
    termCalendars: wrap("termCalendars", repos.termCalendars),
    tripRequests: wrap("tripRequests", repos.tripRequests),
  };
  return { unitOfWork: { ...unitOfWork, repositories }, calls };
}

for (const driver of listTestDrivers()) {
  describe(`CSV look-ups (${driver.name})`, () => {
    let handle: DbHandle;
    let unitOfWork: UnitOfWork;

    beforeAll(async () => {
      handle = await driver.open();
      unitOfWork = createUnitOfWork(handle.db);
    });
    afterAll(async () => handle.close());

    it("checks a file's references with one query per kind, and exports without whole-register reads", async () => {
      const actor = await anOrganisation(unitOfWork);
      await addReferenceData(unitOfWork, actor);
      const plain = createCsvTransfer(unitOfWork);
      await plain.importCsv(actor, "places", chunked(example("places.csv")));
      await plain.importCsv(actor, "passengers", chunked(example("passengers.csv")));
      // Passengers the file does not name: reading them would be wasted work.
      await plain.importCsv(actor, "passengers", chunked(passengerFile(1500)));

      const spied = counting(unitOfWork);
      const csv = createCsvTransfer(spied.unitOfWork);
      const trips = example("trip-requests.csv");
      const report = await csv.importCsv(actor, "tripRequests", chunked(trips, 64));
      expect(report.created).toBe(trips.trim().split("\n").length - 1);
      expect(Object.fromEntries(spied.calls)).toEqual({
        "passengers.findByReferences": 1,
        "places.findByReferences": 1,
        "funders.findByNames": 1,
        "termCalendars.findByNames": 1,
        "tripRequests.findByReferences": 1,
      });

      spied.calls.clear();
      const exported = await collect(csv.exportCsv(actor, "tripRequests"));
      expect(exported.trim().split("\n")).toHaveLength(trips.trim().split("\n").length);
      const names = [...spied.calls.keys()];
      expect(names.filter((name) => name.endsWith(".list"))).toEqual([]);
      expect(spied.calls.get("passengers.findByIds")).toBe(1);
      expect(spied.calls.get("tripRequests.listAfter")).toBe(1);
    });
  });
}
