import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Actor, Job } from "@tt/app";
import {
  getJobRoute,
  getPlanRoute,
  type JobView,
  jobEventsRoute,
  listPlansRoute,
  startPlanRoute,
} from "@tt/contract";
import { streamSSE } from "hono/streaming";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/** How often the event stream looks at the job, milliseconds. */
export const JOB_EVENTS_POLL_MS = 500;

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

  app.openapi(getJobRoute, async (c) => {
    const job = await planning.getJob(actorOf(c), c.req.valid("param").id);
    return c.json(presentJob(job), 200);
  });

  app.openapi(jobEventsRoute, async (c) => {
    const actor = actorOf(c);
    const first = await planning.getJob(actor, c.req.valid("param").id);
    return streamSSE(c, (stream) => followJob(stream, actor, first, services)) as never;
  });
}

type SseStream = Parameters<Parameters<typeof streamSSE>[1]>[0];

/** Sends `progress` whenever the job changes and `done` when it has finished, then closes. */
async function followJob(
  stream: SseStream,
  actor: Actor,
  first: Job,
  services: ServerServices,
): Promise<void> {
  let job = first;
  let sent = "";
  let id = 0;
  while (!stream.aborted) {
    const data = JSON.stringify(presentJob(job));
    if (finished(job)) {
      await stream.writeSSE({ event: "done", data, id: String(id++) });
      return;
    }
    if (data !== sent) {
      await stream.writeSSE({ event: "progress", data, id: String(id++) });
      sent = data;
    }
    await stream.sleep(JOB_EVENTS_POLL_MS);
    job = await services.planning.getJob(actor, job.id);
  }
}
