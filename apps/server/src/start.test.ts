import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createUnitOfWork } from "@tt/db";
import { aPassenger } from "@tt/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { startServer } from "./start";

describe("starting the server on the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("removes the hidden rows of an import a restart cut off", { timeout: 60_000 }, async () => {
    const before = await createDb({ driver: "pglite", dataDir });
    await before.migrate();
    const repos = createUnitOfWork(before.db).repositories;
    const org = await repos.identity.createOrganisation({ name: "County", kind: "council" });
    const importId = randomUUID();
    await repos.imports.open(org.id, importId);
    const rows = ["CUT-1", "CUT-2"].map((reference) => ({
      id: randomUUID(),
      input: aPassenger({ reference }),
    }));
    await repos.imports.stage(org.id, importId, "passengers", rows);
    await before.close();

    const server = await startServer(
      loadConfig({ TT_DATA_DIR: dataDir, PORT: "0", TT_LOG_LEVEL: "error" }),
    );
    try {
      const { imports, passengers } = server.services.unitOfWork.repositories;
      expect(await imports.discardEveryAbandoned(new Date(Date.now() + 60_000))).toBe(0);
      await passengers.create(org.id, aPassenger({ reference: "CUT-1" }));
      expect(await passengers.count(org.id)).toBe(1);
    } finally {
      await server.close();
    }
  });
});
