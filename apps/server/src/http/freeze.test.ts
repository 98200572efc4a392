import { createDb, createUnitOfWork, type DbHandle } from "@tt/db";
import { aPassenger } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "./test-support/fixture";

/** Passengers already in the county's register: an export of them takes many pages. */
const STORED = 6_000;
/** Rows of the county's import: large enough to be staged in several batches. */
const IMPORTED = 3_000;

const HEADER = "reference,given_name,family_name,home_lat,home_lon";
const importFile = (rows: number) =>
  [HEADER, ...Array.from({ length: rows }, (_, i) => `IMP-${i},Ada,Lovelace,52.2,0.12`)].join("\n");

/**
 * The server on the embedded database as `tt serve` runs it (PGlite on its own thread, bulk work
 * on its own connection): one organisation's export and large import hold nothing that another
 * organisation's requests wait for, and the import is seen all at once or not at all.
 */
describe("one organisation's bulk work on the embedded database, off the thread", () => {
  let handle: DbHandle;
  let fixture: Fixture;

  beforeAll(async () => {
    handle = await createDb({ driver: "pglite", offThread: true });
    await handle.migrate();
    fixture = await createFixture(handle);
    const references = Array.from({ length: STORED }, (_, i) => `BIG-${i}`);
    await createUnitOfWork(handle.db).repositories.passengers.createMany(
      fixture.county.id,
      references.map((reference) => aPassenger({ reference })),
    );
  }, 60_000);
  afterAll(() => handle.close());

  const total = async (token: string) => {
    const res = await fixture.call("GET", "/api/passengers?offset=0&limit=1", { token });
    expect(res.status).toBe(200);
    return ((await res.json()) as { total: number }).total;
  };

  it("answers another organisation while an export is half read", async () => {
    const { call, county, city } = fixture;
    const res = await call("GET", "/api/passengers/export", { token: county.users.admin.token });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("the export has no body");
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The export waits, part-read; the other organisation reads and writes meanwhile.
    const cityToken = city.users.admin.token;
    const before = await total(cityToken);
    const created = await call("POST", "/api/passengers", {
      token: cityToken,
      json: aPassenger({ reference: "WHILE-EXPORTING" }),
    });
    expect(created.status).toBe(201);
    expect(await total(cityToken)).toBe(before + 1);
    let text = new TextDecoder().decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    const lines = text.trim().split("\n");
    expect(lines.filter((line) => line.startsWith("BIG-"))).toHaveLength(STORED);
  }, 60_000);

  it("shows a large import all at once, while both organisations' requests go on", async () => {
    const { call, county, city } = fixture;
    const countyToken = county.users.admin.token;
    const stored = await total(countyToken);
    let finished = false;
    const importing = call("POST", "/api/passengers/import", {
      token: countyToken,
      body: importFile(IMPORTED),
      headers: { "content-type": "text/csv" },
    }).finally(() => {
      finished = true;
    });
    const seen = { county: new Set<number>(), cityAnswersDuringImport: 0 };
    while (!finished) {
      seen.county.add(await total(countyToken));
      await total(city.users.admin.token);
      if (!finished) seen.cityAnswersDuringImport += 1;
    }
    const res = await importing;
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ created: IMPORTED });
    expect(seen.cityAnswersDuringImport).toBeGreaterThan(0);
    for (const count of seen.county) expect([stored, stored + IMPORTED]).toContain(count);
    expect(await total(countyToken)).toBe(stored + IMPORTED);
  }, 60_000);
});
