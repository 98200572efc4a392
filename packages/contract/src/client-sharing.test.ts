import { describe, expect, it } from "vitest";
import { createClient, type Fetch } from "./client";

function recorder(body: unknown) {
  const seen: { url: string; method: string | undefined; body: unknown }[] = [];
  const fetch: Fetch = async (url, init) => {
    seen.push({ url, method: init?.method, body: init?.body });
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, seen };
}

describe("the API client: partnerships, agreements and the access log", () => {
  it("lists partnerships and agreements, and approves, suspends and ends agreements", async () => {
    const { fetch, seen } = recorder({ items: [] });
    const client = createClient({ baseUrl: "", fetch });
    expect(await client.listPartnerships()).toEqual([]);
    expect(await client.listAgreements()).toEqual([]);
    await client.approveAgreement("a/1");
    await client.changeAgreementStatus("a/1", "suspended", "a breach reported");
    await client.changeAgreementStatus("a/1", "ended");
    await client.analysableFunders();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /api/partnerships",
      "GET /api/agreements",
      "POST /api/agreements/a%2F1/approve",
      "POST /api/agreements/a%2F1/status",
      "POST /api/agreements/a%2F1/status",
      "GET /api/analyses/integration/funders",
    ]);
    expect(JSON.parse(String(seen[3]?.body))).toEqual({
      status: "suspended",
      reason: "a breach reported",
    });
    expect(JSON.parse(String(seen[4]?.body))).toEqual({ status: "ended" });
  });

  it("asks the audit log by person, agreement and record", async () => {
    const { fetch, seen } = recorder({ items: [], total: 0, offset: 0, limit: 50, people: [] });
    const client = createClient({ baseUrl: "", fetch });
    await client.auditLog({ userId: "u1", agreementId: "a1", resourceId: "", offset: 50 });
    expect(seen.map((s) => s.url)).toEqual(["/api/audit-log?userId=u1&agreementId=a1&offset=50"]);
  });
});
