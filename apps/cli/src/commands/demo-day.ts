import { type Actor, findPublishedHeader } from "@tt/app";
import type { ServerServices } from "@tt/server";

/** The demo's operating day, and whose plan a newcomer sees published on it. */
export const DEMO_DAY = { date: "2026-11-24", domain: "cambridgeshire.demo" } as const;

/** How often the planning's progress is printed, milliseconds. */
const PROGRESS_EVERY_MS = 5000;

type DayServices = Pick<ServerServices, "unitOfWork" | "planning" | "publication" | "jobs">;

/** The organisation's commissioner, acting as the demo's own planner. */
async function commissionerOf(services: DayServices, domain: string): Promise<Actor | undefined> {
  const user = await services.unitOfWork.repositories.identity.findUserByEmail(
    `commissioner@${domain}`,
  );
  return user && { userId: user.id, organisationId: user.organisationId, role: user.role };
}

/**
 * Plans the demo organisation's day as a job and publishes it as the day's operating plan, so a
 * newcomer finds a live day (booking desk, status board, drivers' runs) without planning first.
 * Progress is printed as the job runs; a failure is printed, never thrown (the server runs on).
 */
export async function publishDemoDay(
  services: DayServices,
  options: { seconds: number; log(message: string): void; date?: string; domain?: string },
): Promise<string | undefined> {
  const date = options.date ?? DEMO_DAY.date;
  const domain = options.domain ?? DEMO_DAY.domain;
  try {
    const actor = await commissionerOf(services, domain);
    if (!actor) return undefined;
    const plans = services.unitOfWork.repositories.plans;
    if (await findPublishedHeader(plans, actor.organisationId, date)) return undefined;
    const { jobId } = await services.planning.startDayPlan(actor, {
      date,
      timeLimitSeconds: options.seconds,
      seed: 1,
    });
    options.log(
      `Planning the demo day ${date} for ${domain} in the background (${options.seconds} s)…`,
    );
    const timer = setInterval(() => {
      services.jobs.getJob(actor, jobId).then(
        (job) => options.log(`  demo day plan: ${job.progress}%`),
        () => undefined,
      );
    }, PROGRESS_EVERY_MS);
    try {
      await services.planning.settled(jobId);
    } finally {
      clearInterval(timer);
    }
    const job = await services.jobs.getJob(actor, jobId);
    const planId = job.status === "succeeded" ? planIdOf(job.result) : undefined;
    if (!planId) {
      options.log(
        `The demo day plan did not finish (${job.status}); plan it from the Planning page.`,
      );
      return undefined;
    }
    await services.publication.publish(actor, planId);
    options.log(`Published the demo day plan of ${date} as the operating plan (plan ${planId}).`);
    return planId;
  } catch (error) {
    options.log(
      `The demo day was not published: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

function planIdOf(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null || !("planId" in result)) return undefined;
  return typeof result.planId === "string" ? result.planId : undefined;
}
