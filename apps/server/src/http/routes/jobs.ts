import type { OpenAPIHono } from "@hono/zod-openapi";
import { type Actor, AppError, isFinished, type Job } from "@tt/app";
import {
  cancelJobRoute,
  getJobRoute,
  idParamSchema,
  jobEventsRoute,
  retryJobRoute,
} from "@tt/contract";
import { streamSSE } from "hono/streaming";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentJob } from "../presenters/job";

/** How often the event stream looks at the job, milliseconds. */
export const JOB_EVENTS_POLL_MS = 500;
/** How long past the job's own bound the event stream stays open, seconds. */
export const JOB_EVENTS_MARGIN_SECONDS = 60;

/**
 * Jobs of every kind: `GET /api/jobs/{id}` and its `/events` stream follow one (progress reaches
 * the browser from the database, whichever process runs the job), `POST …/cancel` stops it and
 * `POST …/retry` starts a failed or cancelled one again. Other organisations' jobs are not found.
 */
export function mountJobRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { jobs } = services;

  app.openapi(getJobRoute, async (c) => {
    const job = await jobs.getJob(actorOf(c), c.req.valid("param").id);
    return c.json(presentJob(job), 200);
  });

  app.openapi(cancelJobRoute, async (c) => {
    const job = await jobs.cancel(actorOf(c), c.req.valid("param").id);
    return c.json(presentJob(job), 200);
  });

  app.openapi(retryJobRoute, async (c) => {
    const accepted = await jobs.retry(actorOf(c), c.req.valid("param").id);
    return c.json(accepted, 202);
  });

  // An event stream is not JSON: the route is documented from the contract and served by Hono.
  app.openAPIRegistry.registerPath(jobEventsRoute);
  app.get("/api/jobs/:id/events", async (c) => {
    const actor = actorOf(c);
    const param = idParamSchema.safeParse(c.req.param());
    if (!param.success)
      throw new AppError("validation-failed", "The job id is not valid.", [
        { path: "id", message: "expected a job id (a UUID)" },
      ]);
    const first = await jobs.getJob(actor, param.data.id);
    const sources = { jobs, clock: services.clock };
    return streamSSE(c, (stream) => followJob(stream, actor, first, sources));
  });
}

type SseStream = Parameters<Parameters<typeof streamSSE>[1]>[0];

/** What `followJob` needs: a stream to write to, the job's reader and a clock. */
export type JobEventStream = Pick<SseStream, "aborted" | "writeSSE" | "sleep">;
export interface JobEventSources {
  readonly jobs: {
    getJob(actor: Actor, id: string): Promise<Job>;
    /** How long a run of the job may take, seconds. */
    maxSeconds(job: Job): number;
  };
  readonly clock: ServerServices["clock"];
}

/**
 * Sends `progress` whenever the job changes and `done` when it has ended, then closes. A job
 * still unfinished after its own bound plus a minute gets a last `timeout` event (the job as it
 * stands; look at `/api/jobs/{id}` later) and the stream closes.
 */
export async function followJob(
  stream: JobEventStream,
  actor: Actor,
  first: Job,
  sources: JobEventSources,
): Promise<void> {
  const boundMs = (sources.jobs.maxSeconds(first) + JOB_EVENTS_MARGIN_SECONDS) * 1000;
  const until = sources.clock.now().getTime() + boundMs;
  let job = first;
  let sent = "";
  let id = 0;
  while (!stream.aborted) {
    const data = JSON.stringify(presentJob(job));
    if (isFinished(job)) {
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
    job = await sources.jobs.getJob(actor, job.id);
  }
}
