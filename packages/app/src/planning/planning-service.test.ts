import { createTestPglite, createUnitOfWork, type DbHandle } from "@tt/db";
import { aPassenger, aPlace, aTripRequest, aVehicle } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock, type TransactionOptions, type UnitOfWork } from "../ports";
import type { Actor } from "../shared";
import { buildProblem } from "./build-problem";
import { readDayPlanResult } from "./day-plan-job";
import { GENERIC_PLAN_FAILURE, type PlanningFailure, PlanningService } from "./planning-service";
import { inlineSolveRunner, type SolveOutcome, type SolveRequest } from "./solve-runner";
import { straightLineTravelTimes, tinyRegister } from "./test-support/tiny-register";

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let handle: DbHandle;
let uow: UnitOfWork;
let admin: Actor;
let finance: Actor;
let other: Actor;
let service: PlanningService;

async function seedCounty(organisationId: string): Promise<void> {
  const repos = uow.repositories;
  const funder = await repos.funders.create(organisationId, { name: "SEND", kind: "send" });
  const place = await repos.places.create(organisationId, aPlace());
  const ids = ["P-1", "P-2", "P-3"];
  const passengers = await repos.passengers.createMany(
    organisationId,
    ids.map((reference, i) => aPassenger({ reference, homeLat: 52.19 + i * 0.01 })),
  );
  await repos.vehicles.create(organisationId, aVehicle());
  await repos.tripRequests.createMany(
    organisationId,
    passengers.map((p, i) =>
      aTripRequest(
        { passengerId: p.id, funderId: funder.id, placeId: place.id },
        { reference: `T-${i}`, recurrence: { kind: "one-off", date: "2026-11-24" } },
      ),
    ),
  );
}

beforeAll(async () => {
  handle = await createTestPglite();
  uow = createUnitOfWork(handle.db);
  const county = await uow.repositories.identity.createOrganisation({ name: "C", kind: "council" });
  const city = await uow.repositories.identity.createOrganisation({ name: "D", kind: "council" });
  admin = { userId: "", organisationId: county.id, role: "admin" };
  const user = await uow.repositories.identity.createUser({
    organisationId: county.id,
    email: "admin@c.example",
    displayName: "Admin",
    role: "admin",
    passwordHash: "x",
  });
  admin = { ...admin, userId: user.id };
  finance = { ...admin, role: "finance" };
  other = { ...admin, organisationId: city.id };
  await seedCounty(county.id);
  service = new PlanningService(uow, {
    travelTimes: straightLineTravelTimes,
    clock: systemClock,
    runner: inlineSolveRunner,
  });
});
afterAll(async () => handle?.close());

describe("PlanningService", () => {
  it("plans the day as a job and stores a plan with no violations", async () => {
    const { jobId } = await service.startDayPlan(admin, { date: "2026-11-24", iterations: 60 });
    await service.settled(jobId);
    const job = await service.getJob(admin, jobId);
    expect(job).toMatchObject({ status: "succeeded", progress: 100 });
    const { planId, summary } = readDayPlanResult(job);
    expect(summary).not.toHaveProperty("issues");
    const plan = await service.getPlan(admin, planId);
    const { issues: _issues, ...planFigures } = plan.summary;
    expect(summary).toEqual(planFigures);
    expect(() => readDayPlanResult({ ...job, result: { planId } })).toThrow(
      new RegExp(`Job ${job.id}: stored result out of shape \\(summary: `),
    );
    expect(plan.summary).toMatchObject({
      requests: 3,
      assigned: 3,
      unassigned: 0,
      vehiclesUsed: 1,
    });
    expect(plan.runs[0]?.stops.filter((s) => s.kind === "pickup")).toHaveLength(3);
    expect(JSON.stringify(plan)).not.toContain("Lovelace");
    expect((await service.evaluatePlan(admin, planId))?.violations).toEqual([]);
    expect((await service.listPlans(admin, { offset: 0, limit: 5 })).total).toBe(1);
    const audit = await uow.repositories.audit.list(admin.organisationId, {
      offset: 0,
      limit: 5,
      resource: "passengers",
    });
    expect(audit.items[0]?.resourceIds).toHaveLength(3);
  });

  it("plans the same day identically for a seed and an iteration budget", async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const { jobId } = await service.startDayPlan(admin, {
        date: "2026-11-24",
        iterations: 30,
        seed: 7,
      });
      await service.settled(jobId);
      const job = await service.getJob(admin, jobId);
      runs.push(
        (await service.getPlan(admin, String(job.result?.planId))).runs.map((r) => r.stops),
      );
    }
    expect(runs[0]).toEqual(runs[1]);
  });

  it("hides other organisations' jobs and plans, and checks grants", async () => {
    const { jobId } = await service.startDayPlan(admin, { date: "2026-11-25", iterations: 5 });
    await service.settled(jobId);
    const job = await service.getJob(admin, jobId);
    expect(job.result?.summary).toMatchObject({ requests: 0 });
    await expect(service.getJob(other, jobId)).rejects.toMatchObject({ code: "not-found" });
    await expect(service.getPlan(other, String(job.result?.planId))).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(service.startDayPlan(finance, { date: "2026-11-24" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(service.listPlans(finance, { offset: 0, limit: 5 })).resolves.toBeDefined();
  });

  it("refuses a bad date or time limit, naming the field", async () => {
    await expect(
      service.startDayPlan(admin, { date: "24/11/2026", timeLimitSeconds: 0 }),
    ).rejects.toMatchObject({
      code: "validation-failed",
      details: [{ path: "date" }, { path: "timeLimitSeconds" }],
    });
  });

  it("reports progress as the share of the time budget used, then 100", async () => {
    let now = Date.parse("2026-11-24T06:00:00Z");
    const clock = { now: () => new Date(now) };
    let finish: (value: SolveOutcome) => void = () => {};
    const slow = new PlanningService(uow, {
      travelTimes: straightLineTravelTimes,
      clock,
      progressEveryMs: 5,
      runner: { run: () => new Promise<SolveOutcome>((resolve) => (finish = resolve)) },
    });
    const { jobId } = await slow.startDayPlan(admin, { date: "2026-11-24", timeLimitSeconds: 20 });
    const progressOf = async () => (await slow.getJob(admin, jobId)).progress;
    // The first tick (progress 1) shows the solve has started and its clock is read.
    await waitFor(async () => (await progressOf()) === 1);
    now += 10_000;
    await waitFor(async () => (await progressOf()) === 50);
    // Any solution will do here: one with no runs.
    const { problem } = await buildProblem(
      tinyRegister({ tripRequests: [], vehicles: [] }),
      straightLineTravelTimes,
    );
    finish(await inlineSolveRunner.run({ problem, seed: 1, iterations: 1 }));
    await slow.settled(jobId);
    expect(await slow.getJob(admin, jobId)).toMatchObject({ status: "succeeded", progress: 100 });
  });

  it("records a failure on the job with a generic message, and logs the detail", async () => {
    const logged: PlanningFailure[] = [];
    const failing = new PlanningService(uow, {
      travelTimes: straightLineTravelTimes,
      clock: systemClock,
      runner: { run: () => Promise.reject(new Error("engine exploded at /srv/tt/secret.ts")) },
      log: (failure) => logged.push(failure),
    });
    const { jobId } = await failing.startDayPlan(admin, { date: "2026-11-24", iterations: 5 });
    await failing.settled(jobId);
    const job = await failing.getJob(admin, jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toEqual({ code: "internal", message: GENERIC_PLAN_FAILURE });
    expect(JSON.stringify(job.error)).not.toContain("exploded");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ jobId, organisationId: admin.organisationId });
    expect(String(logged[0]?.error)).toContain("engine exploded");
  });

  it("always gives the solve a time limit: 30 s by default, even with iterations", async () => {
    const asked: SolveRequest[] = [];
    const recording = new PlanningService(uow, {
      travelTimes: straightLineTravelTimes,
      clock: systemClock,
      runner: {
        // Records the request, then solves with a tiny budget to keep the test quick.
        run: (request) => {
          asked.push(request);
          return inlineSolveRunner.run({ ...request, iterations: 1 });
        },
      },
    });
    const { jobId } = await recording.startDayPlan(admin, {
      date: "2026-11-24",
      iterations: 1_000_000,
    });
    await recording.settled(jobId);
    expect((await recording.getJob(admin, jobId)).input).toMatchObject({ timeLimitSeconds: 30 });
    expect(asked[0]).toMatchObject({ timeLimitSeconds: 30, iterations: 1_000_000 });
  });

  it("queues plans fairly: one per organisation at a time, organisations take turns", async () => {
    const finishers: ((outcome: SolveOutcome) => void)[] = [];
    const held = new PlanningService(uow, {
      travelTimes: straightLineTravelTimes,
      clock: systemClock,
      capacity: 1,
      runner: { run: () => new Promise<SolveOutcome>((resolve) => finishers.push(resolve)) },
    });
    const input = { date: "2026-11-25", iterations: 5 };
    const otherAdmin: Actor = { ...other, role: "admin" };
    const first = await held.startDayPlan(admin, input);
    await waitFor(async () => finishers.length === 1);
    const second = await held.startDayPlan(admin, input);
    const theirs = await held.startDayPlan(otherAdmin, input);
    const statusOf = async (actor: Actor, id: string) => (await held.getJob(actor, id)).status;
    expect(await statusOf(admin, second.jobId)).toBe("queued");
    expect(await statusOf(otherAdmin, theirs.jobId)).toBe("queued");
    const { problem } = await buildProblem(
      tinyRegister({ tripRequests: [], vehicles: [] }),
      straightLineTravelTimes,
    );
    const empty = await inlineSolveRunner.run({ problem, seed: 1, iterations: 1 });
    finishers[0]?.(empty);
    await held.settled(first.jobId);
    // The other organisation asked later but has had no turn yet: it goes before our second plan.
    await waitFor(async () => finishers.length === 2);
    expect(await statusOf(otherAdmin, theirs.jobId)).toBe("running");
    expect(await statusOf(admin, second.jobId)).toBe("queued");
    finishers[1]?.(empty);
    await held.settled(theirs.jobId);
    await waitFor(async () => finishers.length === 3);
    finishers[2]?.(empty);
    await held.settled(second.jobId);
    expect(await statusOf(admin, second.jobId)).toBe("succeeded");
    expect(await statusOf(otherAdmin, theirs.jobId)).toBe("succeeded");
  });

  it("cancels a queued plan at once and a running one within a second", async () => {
    const held = new PlanningService(uow, {
      travelTimes: straightLineTravelTimes,
      clock: systemClock,
      capacity: 1,
      // A solve that only ends when it is stopped.
      runner: {
        run: (_request, watch) =>
          new Promise<SolveOutcome>((_resolve, reject) =>
            watch?.signal?.addEventListener("abort", () => reject(new Error("stopped"))),
          ),
      },
    });
    const running = await held.startDayPlan(admin, { date: "2026-11-24", timeLimitSeconds: 30 });
    const waiting = await held.startDayPlan(admin, { date: "2026-11-24", iterations: 5 });
    await waitFor(async () => (await held.getJob(admin, running.jobId)).status === "running");
    const jobs = uow.repositories.jobs;
    expect((await jobs.requestCancel(admin.organisationId, waiting.jobId))?.status).toBe(
      "cancelled",
    );
    const asked = Date.now();
    await jobs.requestCancel(admin.organisationId, running.jobId);
    await held.settled(running.jobId);
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(await held.getJob(admin, running.jobId)).toMatchObject({ status: "cancelled" });
  });

  it("reads the day's register in one snapshot transaction", async () => {
    const options: (TransactionOptions | undefined)[] = [];
    const root = uow.repositories;
    const outsideSnapshot = () => Promise.reject(new Error("register read outside the snapshot"));
    const spy: UnitOfWork = {
      repositories: { ...root, tripRequests: { ...root.tripRequests, list: outsideSnapshot } },
      transaction: (work, given) => {
        options.push(given);
        return uow.transaction(work, given);
      },
    };
    const snapshot = new PlanningService(spy, {
      travelTimes: straightLineTravelTimes,
      clock: systemClock,
      runner: inlineSolveRunner,
    });
    const { jobId } = await snapshot.startDayPlan(admin, { date: "2026-11-24", iterations: 5 });
    await snapshot.settled(jobId);
    expect(await snapshot.getJob(admin, jobId)).toMatchObject({ status: "succeeded" });
    expect(options[0]).toEqual({ snapshot: true });
  });
});
