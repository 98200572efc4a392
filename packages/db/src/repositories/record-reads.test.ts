import { randomUUID } from "node:crypto";
import type { Repositories } from "@tt/app";
import { aPassenger, aPlace, aTripRequest } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { twoOrganisations } from "./test-support/two-organisations";

describe.each(listTestDrivers())("whole-register reads on $name", ({ open }) => {
  let handle: DbHandle;
  let repos: Repositories;
  let org: string;
  let other: string;

  beforeAll(async () => {
    ({ handle, repos, org, other } = await twoOrganisations(open));
    const references = Array.from({ length: 25 }, (_, i) => `P-${String(24 - i).padStart(3, "0")}`);
    await repos.passengers.createMany(
      org,
      references.map((reference) => aPassenger({ reference })),
    );
    await repos.passengers.create(other, aPassenger({ reference: "P-OTHER" }));
  });
  afterAll(() => handle.close());

  it("pages through a register by key, each row once, without the other organisation's", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await repos.passengers.listAfter(org, {
        limit: 10,
        ...(after ? { after } : {}),
      });
      seen.push(...page.items.map((p) => p.reference));
      after = page.next;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);
    expect(seen).not.toContain("P-OTHER");
  });

  it("pages through rows that share their order key (names) without losing any", async () => {
    const made = [];
    for (const name of ["Same", "Same", "Same", "Another", "Same"])
      made.push(await repos.funders.create(org, { name, kind: "home-to-school" }));
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await repos.funders.listAfter(org, { limit: 2, ...(after ? { after } : {}) });
      ids.push(...page.items.map((f) => f.id));
      after = page.next;
    } while (after);
    expect(ids.sort()).toEqual(made.map((f) => f.id).sort());
  });

  it("counts the matching rows with an offset page, also one past the end", async () => {
    const page = await repos.passengers.list(org, { offset: 20, limit: 10 });
    expect(page.items.map((p) => p.reference)).toEqual([
      "P-020",
      "P-021",
      "P-022",
      "P-023",
      "P-024",
    ]);
    expect(page.total).toBe(25);
    expect(await repos.passengers.list(org, { offset: 30, limit: 10 })).toEqual({
      items: [],
      total: 25,
    });
    const searched = await repos.passengers.list(org, { offset: 0, limit: 2, search: "P-01" });
    expect(searched).toMatchObject({ total: 10 });
    expect(searched.items).toHaveLength(2);
    expect(await repos.passengers.list(other, { offset: 0, limit: 5, search: "none" })).toEqual({
      items: [],
      total: 0,
    });
  });

  it("finds rows by more keys than one statement takes", async () => {
    const unknown = Array.from({ length: 2_500 }, (_, i) => `NOT-${i}`);
    const known = ["P-000", "P-024"];
    const found = await repos.passengers.findByReferences(org, [...unknown, ...known]);
    expect(found.map((p) => p.reference).sort()).toEqual(known);
    const ids = found.map((p) => p.id);
    const byId = await repos.passengers.findByIds(org, [
      ...unknown.map(() => randomUUID()),
      ...ids,
    ]);
    expect(byId.map((p) => p.id).sort()).toEqual([...ids].sort());
  });

  it("names a cursor it did not make", async () => {
    await expect(repos.passengers.listAfter(org, { limit: 5, after: "page 2" })).rejects.toThrow(
      /cursor "page 2" was not made by listAfter/,
    );
  });

  it("finds rows by ids, references and names in the organisation only", async () => {
    const theirs = await repos.passengers.findByReferences(other, ["P-OTHER"]);
    const ours = await repos.passengers.findByReferences(org, [
      "P-003",
      "P-017",
      "P-999",
      "P-OTHER",
    ]);
    expect(ours.map((p) => p.reference).sort()).toEqual(["P-003", "P-017"]);
    const byId = await repos.passengers.findByIds(org, [
      ...ours.map((p) => p.id),
      ...theirs.map((p) => p.id),
      "not-a-uuid",
    ]);
    expect(byId.map((p) => p.reference).sort()).toEqual(["P-003", "P-017"]);
    await repos.operators.create(org, {
      name: "Fenland  Community Transport",
      kind: "community-transport",
    });
    const named = await repos.operators.findByNames(org, [" fenland community   TRANSPORT "]);
    expect(named.map((o) => o.name)).toEqual(["Fenland  Community Transport"]);
    expect(await repos.passengers.findByNames(org, ["P-003"])).toEqual([]);
  });

  it("lists the trip requests that may travel on a date, and not the cancelled", async () => {
    const [passenger] = await repos.passengers.findByReferences(org, ["P-001"]);
    const funder = await repos.funders.create(org, { name: "Education", kind: "home-to-school" });
    const place = await repos.places.create(org, aPlace({ reference: "SCH-1" }));
    const ids = { passengerId: passenger?.id ?? "", funderId: funder.id, placeId: place.id };
    const trip = (reference: string, overrides: Parameters<typeof aTripRequest>[1]) =>
      repos.tripRequests.create(org, aTripRequest(ids, { reference, ...overrides }));
    await trip("T-TERM", {});
    await trip("T-ONCE", { recurrence: { kind: "one-off", date: "2026-10-05" } });
    await trip("T-OTHER-DAY", { recurrence: { kind: "one-off", date: "2026-10-06" } });
    await trip("T-CANCELLED", { status: "cancelled" });
    await trip("T-ENDED", {
      recurrence: { kind: "recurring", weekdays: ["mon"], from: "2025-09-01", to: "2026-07-20" },
    });
    const spanning = await repos.tripRequests.listSpanning(org, "2026-10-05");
    expect(spanning.map((t) => t.reference)).toEqual(["T-ONCE", "T-TERM"]);
    expect(await repos.tripRequests.listSpanning(other, "2026-10-05")).toEqual([]);
  });
});
