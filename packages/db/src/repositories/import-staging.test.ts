import { randomUUID } from "node:crypto";
import type { Repositories, StagedRow } from "@tt/app";
import { aPassenger, aPlace, aTripRequest } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { twoOrganisations } from "./test-support/two-organisations";

const passengerRows = (prefix: string, n: number): StagedRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    input: aPassenger({ reference: `${prefix}-${String(i).padStart(3, "0")}` }),
  }));

describe.each(listTestDrivers())("a staged import on $name", ({ open }) => {
  let handle: DbHandle;
  let repos: Repositories;
  let org: string;
  let other: string;

  beforeAll(async () => {
    ({ handle, repos, org, other } = await twoOrganisations(open));
    await repos.passengers.create(org, aPassenger({ reference: "KNOWN" }));
  });
  afterAll(() => handle.close());

  it("hides its rows from every read until it is published, then shows them all", async () => {
    const importId = randomUUID();
    const rows = passengerRows("HID", 30);
    const [first] = rows;
    await repos.imports.open(org, importId);
    await repos.imports.stage(org, importId, "passengers", rows.slice(0, 20));
    await repos.imports.stage(org, importId, "passengers", rows.slice(20));
    const seen = async () => ({
      count: await repos.passengers.count(org),
      list: (await repos.passengers.list(org, { offset: 0, limit: 100 })).total,
      keyset: (await repos.passengers.listAfter(org, { limit: 100 })).items.length,
      byId: (
        await repos.passengers.findByIds(
          org,
          rows.map((r) => r.id),
        )
      ).length,
      byReference: (await repos.passengers.findByReferences(org, ["HID-000", "HID-029"])).length,
      one: (await repos.passengers.find(org, first?.id ?? "")) === undefined ? 0 : 1,
    });
    expect(await seen()).toEqual({ count: 1, list: 1, keyset: 1, byId: 0, byReference: 0, one: 0 });
    expect(await repos.passengers.remove(org, first?.id ?? "")).toBe(false);
    await repos.imports.publish(org, importId, "passengers", rows.length);
    expect(await seen()).toEqual({
      count: 31,
      list: 31,
      keyset: 31,
      byId: 30,
      byReference: 2,
      one: 1,
    });
    expect(await repos.passengers.count(other)).toBe(0);
  });

  it("deletes a failed import's rows, links between them first, and frees their references", async () => {
    const funder = await repos.funders.create(org, { name: "Schools", kind: "home-to-school" });
    const passenger = await repos.passengers.create(org, aPassenger({ reference: "TRAVELLER" }));
    const place = await repos.places.create(org, aPlace());
    const ids = { passengerId: passenger.id, funderId: funder.id, placeId: place.id };
    const outbound = { id: randomUUID(), input: aTripRequest(ids, { reference: "OUT" }) };
    const back = {
      id: randomUUID(),
      input: aTripRequest(ids, { reference: "BACK", returnOfId: outbound.id }),
    };
    const importId = randomUUID();
    await repos.imports.open(org, importId);
    await repos.imports.stage(org, importId, "tripRequests", [outbound]);
    await repos.imports.stage(org, importId, "tripRequests", [back]);
    expect(await repos.tripRequests.listSpanning(org, "2026-11-24")).toEqual([]);
    await repos.imports.discard(org, importId, "tripRequests", [outbound.id, back.id]);
    await expect(repos.imports.publish(org, importId, "tripRequests", 2)).rejects.toThrow(
      /not open/,
    );
    const again = await repos.tripRequests.create(org, aTripRequest(ids, { reference: "OUT" }));
    expect(again.reference).toBe("OUT");
  });

  it("deletes the rows of imports abandoned before a time, and only those", async () => {
    const abandoned = randomUUID();
    await repos.imports.open(other, abandoned);
    await repos.imports.stage(other, abandoned, "passengers", passengerRows("OLD", 5));
    await repos.imports.discardAbandoned(other, new Date(Date.now() - 60_000));
    const running = randomUUID();
    await repos.imports.open(other, running);
    await repos.imports.stage(other, running, "passengers", passengerRows("NEW", 3));
    await repos.imports.discardAbandoned(org, new Date(Date.now() + 60_000));
    await repos.imports.publish(other, abandoned, "passengers", 5);
    expect(await repos.passengers.count(other)).toBe(5);
    await repos.imports.discardAbandoned(other, new Date(Date.now() + 60_000));
    await expect(repos.imports.publish(other, running, "passengers", 3)).rejects.toThrow(
      /not open/,
    );
    expect(await repos.passengers.count(other)).toBe(5);
    const references = ["NEW-000", "NEW-001", "NEW-002"];
    await repos.passengers.createMany(
      other,
      references.map((reference) => aPassenger({ reference })),
    );
    expect(await repos.passengers.count(other)).toBe(8);
  });

  it("removes every organisation's abandoned imports at once, and only those", async () => {
    const [mine, theirs, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    await repos.imports.open(org, mine);
    await repos.imports.stage(org, mine, "passengers", passengerRows("GONE", 2));
    await repos.imports.open(other, theirs);
    await repos.imports.stage(other, theirs, "passengers", passengerRows("GONE", 3));
    const cutOff = new Date(Date.now() + 60_000);
    expect(await repos.imports.discardEveryAbandoned(new Date(Date.now() - 60_000))).toBe(0);
    expect(await repos.imports.discardEveryAbandoned(cutOff)).toBe(2);
    await repos.imports.open(org, fresh);
    await repos.imports.stage(org, fresh, "passengers", passengerRows("GONE", 2));
    await repos.imports.publish(org, fresh, "passengers", 2);
    expect(await repos.passengers.findByReferences(org, ["GONE-000", "GONE-001"])).toHaveLength(2);
    expect(await repos.passengers.findByReferences(other, ["GONE-000"])).toHaveLength(0);
  });
});
