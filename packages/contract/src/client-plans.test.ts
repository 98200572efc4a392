import { describe, expect, it } from "vitest";
import { createClient, type Fetch } from "./client";

function recorder(body: unknown, status = 200) {
  const seen: { url: string; method: string | undefined; body: unknown }[] = [];
  const fetch: Fetch = async (url, init) => {
    seen.push({ url, method: init?.method, body: init?.body });
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, seen };
}

describe("the API client: plans, jobs and entitlement", () => {
  it("starts a plan with a JSON body and follows its job", async () => {
    const { fetch, seen } = recorder({ jobId: "j 1" }, 202);
    const client = createClient({ baseUrl: "http://tt.test/", fetch });
    expect(await client.startPlan({ date: "2026-11-24", timeLimitSeconds: 5 })).toEqual({
      jobId: "j 1",
    });
    await client.getJob("j 1");
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST http://tt.test/api/plans",
      "GET http://tt.test/api/jobs/j%201",
    ]);
    expect(JSON.parse(String(seen[0]?.body))).toEqual({ date: "2026-11-24", timeLimitSeconds: 5 });
    expect(client.jobEventsUrl("j 1")).toBe("http://tt.test/api/jobs/j%201/events");
  });

  it("lists plans and decisions with their query, leaving out empty values", async () => {
    const { fetch, seen } = recorder({ items: [], total: 0, offset: 0, limit: 10 });
    const client = createClient({ baseUrl: "", fetch });
    await client.listPlans({ limit: 10, serviceDate: "" });
    await client.listEntitlementDecisions({ passengerId: "p1" });
    await client.getPlan("p/2");
    await client.getPlanMap("p/2");
    expect(seen.map((s) => s.url)).toEqual([
      "/api/plans?limit=10",
      "/api/entitlement/decisions?passengerId=p1",
      "/api/plans/p%2F2",
      "/api/plans/p%2F2/map",
    ]);
  });
});
