import type { OpenAPIHono } from "@hono/zod-openapi";
import { type Actor, boundedTimeLimit, isAppError, type Job } from "@tt/app";
import {
  getJobRoute,
  getPlanRoute,
  type JobView,
  jobEventsRoute,
  listPlansRoute,
  planMapRoute,
  startPlanRoute,
} from "@tt/contract";
import { streamSSE } from "hono/streaming";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/** How often the event stream looks at the job, milliseconds. */
export const JOB_EVENTS_POLL_MS = 500;
/** How long past the job's time limit the event stream stays open, seconds. */
export const JOB_EVENTS_MARGIN_SECONDS = 60;

/** The public view of a job: never its input or organisation. */
export function presentJob(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    result: job.result,
    error: job.error,
    createdAt: job.createdAt,
  };
}

const finished = (job: Job) => job.status === "succeeded" || job.status === "failed";

/**
 * Day plans as jobs: `POST /api/plans` starts one (202 with the job id), `GET /api/jobs/{id}` and
 * its `/events` stream follow it, `GET /api/plans[/{id}]` read the stored plans. Roles need the
 * `plans` grant (write to start); other organisations' jobs and plans are not found.
 * `GET /api/plans/{id}/map` is the plan's stops with positions (homes rounded, audited).
 */
export function mountPlanRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { planning } = services;

  app.openapi(startPlanRoute, async (c) => {
    const accepted = await planning.startDayPlan(actorOf(c), c.req.valid("json"));
    return c.json(accepted, 202);
  });

  app.openapi(listPlansRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await planning.listPlans(actorOf(c), query);
    return c.json({ ...page, offset: query.offset, limit: query.limit }, 200);
  });

  app.openapi(getPlanRoute, async (c) => {
    const plan = await planning.getPlan(actorOf(c), c.req.valid("param").id);
    return c.json(plan as never, 200);
  });

  app.openapi(planMapRoute, async (c) => {
    const map = await services.planMaps.getPlanMap(actorOf(c), c.req.valid("param").id);
    return c.json(map as never, 200);
  });

  const jobs = anyJobReader(services);

  app.openapi(getJobRoute, async (c) => {
    const job = await jobs.getJob(actorOf(c), c.req.valid("param").id);
    return c.json(presentJob(job), 200);
  });

  app.openapi(jobEventsRoute, async (c) => {
    const actor = actorOf(c);
    const first = await jobs.getJob(actor, c.req.valid("param").id);
    const sources = { planning: jobs, clock: services.clock };
    return streamSSE(c, (stream) => followJob(stream, actor, first, sources)) as never;
  });
}

/** Reads a job of any kind the API starts: a day plan, else an integration analysis. */
function anyJobReader(services: ServerServices): JobEventSources["planning"] {
  return {
    async getJob(actor, id) {
      try {
        return await services.planning.getJob(actor, id);
      } catch (error) {
        if (!isAppError(error) || error.code !== "not-found") throw error;
        return services.analyses.getJob(actor, id);
      }
    },
  };
}

type SseStream = Parameters<Parameters<typeof streamSSE>[1]>[0];

/** What `followJob` needs: a stream to write to, the job's reader and a clock. */
export type JobEventStream = Pick<SseStream, "aborted" | "writeSSE" | "sleep">;
export interface JobEventSources {
  readonly planning: { getJob(actor: Actor, id: string): Promise<Job> };
  readonly clock: ServerServices["clock"];
}

/**
 * How long a stream may follow the job: its time limit plus a margin, milliseconds. A job of
 * many solves (an integration analysis) records its own bound, `eventsSeconds`.
 */
export function jobEventsLimitMs(job: Job): number {
  const bound = job.input.eventsSeconds;
  if (typeof bound === "number" && bound > 0) return (bound + JOB_EVENTS_MARGIN_SECONDS) * 1000;
  const given = job.input.timeLimitSeconds;
  const limit = boundedTimeLimit(typeof given === "number" ? given : undefined);
  return (limit + JOB_EVENTS_MARGIN_SECONDS) * 1000;
}

/**
 * Sends `progress` whenever the job changes and `done` when it has finished, then closes. A job
 * still unfinished after its time limit plus a minute gets a last `timeout` event (the job as
 * it stands; look at `/api/jobs/{id}` later) and the stream closes.
 */
export async function followJob(
  stream: JobEventStream,
  actor: Actor,
  first: Job,
  sources: JobEventSources,
): Promise<void> {
  const until = sources.clock.now().getTime() + jobEventsLimitMs(first);
  let job = first;
  let sent = "";
  let id = 0;
  while (!stream.aborted) {
    const data = JSON.stringify(presentJob(job));
    if (finished(job)) {
      await stream.writeSSE({ event: "done", data, id: String(id++) });
      return;
    }
    if (sources.clock.now().getTime() >= until) {
      await stream.writeSSE({ event: "timeout", data, id: String(id++) });
      return;
    }
    if (data !== sent) {
      await stream.writeSSE({ event: "progress", data, id: String(id++) });
      sent = data;
    }
    await stream.sleep(JOB_EVENTS_POLL_MS);
    job = await sources.planning.getJob(actor, job.id);
  }
}
