import { type Actor, INTERRUPTED_JOB_ERROR, type Job } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { describe, expect, it } from "vitest";
import { followJob, type JobEventStream } from "./routes/jobs";
import { useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day (a one-off). */
const DAY = "2026-09-03";

for (const driver of listTestDrivers()) {
  describe(`plans API (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let planId = "";
    let jobId = "";

    it("plans a day as a job: 202, progress to 100, a stored plan with no violations", async () => {
      const { call, county, services } = fixture();
      const token = county.users.admin.token;
      const started = await call("POST", "/api/plans", {
        token,
        json: { date: DAY, iterations: 50, seed: 1 },
      });
      expect(started.status).toBe(202);
      jobId = String(((await started.json()) as Json).jobId);

      const events = await call("GET", `/api/jobs/${jobId}/events`, { token });
      expect(events.headers.get("content-type")).toContain("text/event-stream");
      const text = await events.text();
      expect(text).toContain("event: done");

      const job = (await (await call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
      expect(job).toMatchObject({ status: "succeeded", progress: 100, kind: "day-plan" });
      const result = job.result as Json;
      expect(result.summary).toMatchObject({
        requests: 1,
        assigned: 1,
        unassigned: 0,
        thread: "worker-thread",
      });
      planId = String(result.planId);

      const plan = (await (await call("GET", `/api/plans/${planId}`, { token })).json()) as Json;
      const runs = plan.runs as Json[];
      expect(runs).toHaveLength(1);
      expect(runs[0]?.vehicleId).toBe(county.rows.vehicles);
      expect(JSON.stringify(plan)).not.toContain("Lovelace");
      const actor = {
        userId: county.users.admin.user.id,
        organisationId: county.id,
        role: "admin" as const,
      };
      const evaluation = await services.planning.evaluatePlan(actor, planId);
      expect(evaluation?.violations).toEqual([]);

      const list = (await (await call("GET", "/api/plans", { token })).json()) as Json;
      expect((list.items as Json[]).map((p) => p.id)).toContain(planId);
    });

    it("keeps serving while the engine works: progress events between 0 and 100", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const started = await call("POST", "/api/plans", {
        token,
        json: { date: DAY, timeLimitSeconds: 2 },
      });
      const id = String(((await started.json()) as Json).jobId);
      const text = await (await call("GET", `/api/jobs/${id}/events`, { token })).text();
      const progress = [...text.matchAll(/"progress":(\d+)/g)].map((m) => Number(m[1]));
      // A solve on the server's own thread would block the ticks: progress would jump to 100.
      expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
      expect(progress.at(-1)).toBe(100);
    });

    it("answers 404 for another organisation's job and plan", async () => {
      const { call, city } = fixture();
      const token = city.users.admin.token;
      expect((await call("GET", `/api/jobs/${jobId}`, { token })).status).toBe(404);
      expect((await call("GET", `/api/jobs/${jobId}/events`, { token })).status).toBe(404);
      expect((await call("GET", `/api/plans/${planId}`, { token })).status).toBe(404);
      const list = (await (await call("GET", "/api/plans", { token })).json()) as Json;
      expect(list.total).toBe(0);
    });

    it("lets a driver read plans but not start one; a finance officer reads only", async () => {
      const { call, county } = fixture();
      const driverToken = county.users.driver.token;
      expect((await call("GET", `/api/plans/${planId}`, { token: driverToken })).status).toBe(200);
      expect((await call("GET", `/api/jobs/${jobId}`, { token: driverToken })).status).toBe(200);
      const body = { json: { date: DAY } };
      expect((await call("POST", "/api/plans", { token: driverToken, ...body })).status).toBe(403);
      const financeToken = county.users.finance.token;
      expect((await call("POST", "/api/plans", { token: financeToken, ...body })).status).toBe(403);
      expect((await call("GET", "/api/plans", { token: financeToken })).status).toBe(200);
      const auditor = county.users.auditor.token;
      expect((await call("GET", "/api/plans", { token: auditor })).status).toBe(403);
    });

    it("queues a second plan of the organisation until the first has ended", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const body = { json: { date: DAY, timeLimitSeconds: 1 } };
      const first = await call("POST", "/api/plans", { token, ...body });
      const second = await call("POST", "/api/plans", { token, ...body });
      expect([first.status, second.status]).toEqual([202, 202]);
      const ids = [first, second].map(async (answer) =>
        String(((await answer.json()) as Json).jobId),
      );
      for (const id of await Promise.all(ids)) {
        const events = await (await call("GET", `/api/jobs/${id}/events`, { token })).text();
        expect(events).toContain("event: done");
        const job = (await (await call("GET", `/api/jobs/${id}`, { token })).json()) as Json;
        expect(job).toMatchObject({ status: "succeeded", attempts: 1 });
      }
    });

    it("fails jobs a restart left queued or running, with a clear error", async () => {
      const { call, county, services } = fixture();
      const jobs = services.unitOfWork.repositories.jobs;
      const orphan = await jobs.create(county.id, null, "day-plan", { date: DAY });
      const claim = await jobs.claim(orphan.id);
      if (claim) await jobs.progress(claim, 40);
      expect(await jobs.failInterrupted()).toBeGreaterThanOrEqual(1);
      const token = county.users.admin.token;
      const job = (await (await call("GET", `/api/jobs/${orphan.id}`, { token })).json()) as Json;
      expect(job).toMatchObject({ status: "failed", error: INTERRUPTED_JOB_ERROR });
      expect(await jobs.failInterrupted()).toBe(0);
    });

    it("refuses dates that do not exist with 422, not 500", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const start = await call("POST", "/api/plans", { token, json: { date: "2026-13-45" } });
      expect(start.status).toBe(422);
      expect(JSON.stringify(await start.json())).toContain("date");
      const list = await call("GET", "/api/plans?serviceDate=2026-02-30", { token });
      expect(list.status).toBe(422);
      expect(JSON.stringify(await list.json())).toContain("serviceDate");
    });

    it("refuses a bad body naming the field", async () => {
      const { call, county } = fixture();
      const token = county.users.admin.token;
      const answer = await call("POST", "/api/plans", { token, json: { date: "3/9/26" } });
      expect(answer.status).toBe(422);
      expect(JSON.stringify(await answer.json())).toContain("date");
    });
  });
}

describe("the job event stream", () => {
  it("ends with a `timeout` event after the job's time limit plus a minute", async () => {
    let now = Date.parse("2026-11-24T06:00:00Z");
    const running: Job = {
      id: "00000000-0000-4000-8000-000000000001",
      organisationId: "00000000-0000-4000-8000-000000000002",
      kind: "day-plan",
      input: { date: DAY, timeLimitSeconds: 10 },
      status: "running",
      progress: 50,
      result: null,
      error: null,
      createdBy: null,
      attempts: 1,
      cancelRequested: false,
      createdAt: new Date(now).toISOString(),
      finishedAt: null,
    };
    const events: string[] = [];
    const stream: JobEventStream = {
      aborted: false,
      writeSSE: async (message) => {
        events.push(message.event ?? "");
      },
      sleep: async (ms) => {
        now += ms;
      },
    };
    const actor: Actor = { userId: "u", organisationId: running.organisationId, role: "admin" };
    await followJob(stream, actor, running, {
      jobs: { getJob: async () => running, maxSeconds: () => 10 },
      clock: { now: () => new Date(now) },
    });
    expect(events).toEqual(["progress", "timeout"]);
    expect(now - Date.parse(running.createdAt)).toBe(70_000);
  });
});
