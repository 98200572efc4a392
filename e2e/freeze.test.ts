import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig, type RunningServer, startServer } from "@tt/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportPassengers,
  headers,
  importPassengers,
  startPolling,
  timed,
} from "../benchmarks/src/freeze/load";
import { passengerCsv, seedOrganisation } from "../benchmarks/src/freeze/seed";

const PASSENGERS = 20_000;
const IMPORTED = 2_000;

/**
 * The server as `tt serve` runs it (the embedded database on its own thread): while one
 * organisation of 20,000 passengers exports them all and imports more, another organisation's
 * health check and passenger list keep being answered. The latency figures belong to the
 * benchmark (benchmarks/src/freeze.ts); this checks that answers keep coming during the export.
 */
describe("a server that never freezes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-freeze-test-"));
  let server: RunningServer;
  let big: string;
  let other: string;

  /** An organisation with an administrator; answers the administrator's API token. */
  async function anOrganisation(name: string): Promise<string> {
    const { auth } = server.services;
    const organisation = await auth.createOrganisation({ name, kind: "council" });
    const admin = await auth.createUser({
      organisationId: organisation.id,
      email: `admin@${name.toLowerCase()}.example`,
      displayName: `${name} admin`,
      role: "admin",
      password: "correct horse battery staple",
    });
    return (await auth.issueApiToken(admin.id, "freeze test")).token;
  }

  beforeAll(async () => {
    const env = { TT_DATA_DIR: dataDir, PORT: "0", TT_LOG_LEVEL: "silent" };
    server = await startServer(loadConfig(env));
    big = await anOrganisation("Big");
    other = await anOrganisation("Other");
    await seedOrganisation(server.url, big, { prefix: "BIG", passengers: PASSENGERS });
    await seedOrganisation(server.url, other, { prefix: "OTHER", passengers: 50 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers another organisation while one exports and imports", async () => {
    const base = server.url;
    const poller = startPolling(
      [
        { name: "health", url: new URL("/api/health", base).toString() },
        {
          name: "list",
          url: new URL("/api/passengers?offset=0&limit=50", base).toString(),
          token: other,
        },
      ],
      20,
    );
    const origin = performance.now();
    const [exported, imported] = await Promise.all([
      timed(origin, () => exportPassengers(base, big)),
      timed(origin, () => importPassengers(base, big, passengerCsv(IMPORTED, "NEW"))),
    ]);
    const results = await poller.stop();

    expect(imported.value).toMatchObject({ status: 201, body: { created: IMPORTED } });
    expect(exported.value.status).toBe(200);
    expect(exported.value.rows).toBeGreaterThanOrEqual(PASSENGERS);
    for (const result of results) {
      expect(result.failures, result.name).toEqual([]);
      // Answered while the export ran, not only after it: no freeze.
      const during = result.answeredAt.filter(
        (at) => at > exported.startedAt && at < exported.endedAt,
      );
      expect(during.length, `${result.name} answers during the export`).toBeGreaterThanOrEqual(5);
      // A freeze is seconds long; a busy server answers well within that.
      expect(Math.max(...result.latencies), `${result.name}: slowest answer, ms`).toBeLessThan(
        3000,
      );
    }
  });
  /** The organisation's passengers as its list counts them. */
  async function total(token: string): Promise<number> {
    const res = await fetch(new URL("/api/passengers?offset=0&limit=1", server.url), {
      headers: headers(token),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { total: number }).total;
  }

  it("answers and stores for another organisation while an export waits half read", async () => {
    const res = await fetch(new URL("/api/passengers/export", server.url), {
      headers: headers(big),
    });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("the export has no body");
    expect((await reader.read()).done).toBe(false);
    // The export is part-read and waits; the other organisation reads and writes meanwhile.
    const before = await total(other);
    const created = await fetch(new URL("/api/passengers/import", server.url), {
      method: "POST",
      headers: headers(other, { "content-type": "text/csv" }),
      body: passengerCsv(1, "WHILE-EXPORTING"),
    });
    expect(created.status).toBe(201);
    expect(await total(other)).toBe(before + 1);
    await reader.cancel();
  });

  it("shows a large import all at once, while both organisations' lists are answered", async () => {
    const stored = await total(big);
    let finished = false;
    const importing = importPassengers(server.url, big, passengerCsv(IMPORTED, "SEEN")).finally(
      () => {
        finished = true;
      },
    );
    const counts = new Set<number>();
    let otherAnswersDuringImport = 0;
    while (!finished) {
      counts.add(await total(big));
      await total(other);
      if (!finished) otherAnswersDuringImport += 1;
    }
    expect(await importing).toMatchObject({ status: 201, body: { created: IMPORTED } });
    expect(otherAnswersDuringImport).toBeGreaterThan(0);
    // Staged in several batches, yet never seen part-way.
    for (const count of counts) expect([stored, stored + IMPORTED]).toContain(count);
    expect(await total(big)).toBe(stored + IMPORTED);
  });
});
