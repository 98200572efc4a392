import type { AuditEntryInput, Repositories } from "@tt/app";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { createUnitOfWork } from "./unit-of-work";

describe.each(listTestDrivers())("the audit chain on $name", ({ open }) => {
  let handle: DbHandle;
  let repos: Repositories;
  let org: string;

  const entry = (n: number, more: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
    organisationId: org,
    userId: null,
    action: "read",
    resource: "passenger",
    resourceIds: [`id-${n}`],
    purpose: `check ${n}`,
    ...more,
  });

  beforeAll(async () => {
    handle = await open();
    repos = createUnitOfWork(handle.db).repositories;
    org = (await repos.identity.createOrganisation({ name: "County", kind: "council" })).id;
  });
  afterAll(() => handle.close());

  it("links each entry to the one before, with hashes the verifier recomputes", async () => {
    const first = await repos.audit.append(
      entry(1, { details: { zebra: 1, "naïve café": ["ü", { b: 2, a: null }] } }),
    );
    const second = await repos.audit.append(entry(2, { resourceIds: [] }));
    expect(first.prevHash).toBe("0".repeat(64));
    expect(second.prevHash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await repos.audit.list(org, { offset: 0, limit: 10 });
    expect(listed.items.map((e) => e.hash)).toEqual([second.hash, first.hash]);
    expect(listed.items[1]).toEqual(first);
    expect(await repos.audit.verify(org)).toBeUndefined();
  });

  it("keeps one chain when many requests append at once", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, n) => repos.audit.append(entry(100 + n))));
    const all = await repos.audit.list(org, { offset: 0, limit: 100 });
    expect(new Set(all.items.map((e) => e.prevHash)).size).toBe(all.items.length);
    expect(await repos.audit.verify(org)).toBeUndefined();
  });

  it("names the first entry changed after it was written", async () => {
    const written = await repos.audit.append(entry(200));
    await repos.audit.append(entry(201));
    await handle.db.execute(sql`update audit_log set purpose = 'changed' where id = ${written.id}`);
    expect(await repos.audit.verify(org)).toBe(written.id);
  });
  it("lists by user, by agreement and by record, only the organisation's own entries", async () => {
    const other = (await repos.identity.createOrganisation({ name: "City", kind: "council" })).id;
    const user = async (organisationId: string, email: string) =>
      (
        await repos.identity.createUser({
          organisationId,
          email,
          displayName: email,
          role: "auditor",
          passwordHash: "x",
        })
      ).id;
    const reader = await user(other, "reader@city.example");
    const clerk = await user(org, "clerk@county.example");
    const agreementId = "5d3c2b1a-0000-4000-8000-000000000001";
    const under = { agreementId, agreementReference: "DSA-1" };
    const read = await repos.audit.append(
      entry(300, { userId: reader, resourceIds: ["p-1", "p-2"], details: under }),
    );
    const own = await repos.audit.append(entry(301, { userId: clerk, resourceIds: ["p-2"] }));
    await repos.audit.append({
      ...entry(302, { userId: reader, details: under }),
      organisationId: other,
    });
    const ids = async (query: Record<string, string>) =>
      (await repos.audit.list(org, { offset: 0, limit: 50, ...query })).items.map((e) => e.id);
    expect(await ids({ userId: reader })).toEqual([read.id]);
    expect(await ids({ userId: clerk })).toEqual([own.id]);
    expect(await ids({ agreementId })).toEqual([read.id]);
    expect(await ids({ resourceId: "p-2" })).toEqual([own.id, read.id]);
    expect(await ids({ resourceId: "p-2", agreementId })).toEqual([read.id]);
    const listed = await repos.audit.list(org, { offset: 0, limit: 50, agreementId });
    expect(listed.total).toBe(1);
    expect(await ids({ agreementId: "5d3c2b1a-0000-4000-8000-000000000002" })).toEqual([]);
  });
});
