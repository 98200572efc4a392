import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "@tt/app";
import {
  errorBodySchema,
  INTEGRATION_REPORT_TABLES,
  type IntegrationAnalysisResultView,
  type IntegrationReportView,
  integrationAnalysisResultSchema,
  jobAcceptedSchema,
  jobSchema,
} from "@tt/contract";
import { createHttpApp } from "@tt/server";
import pino from "pino";
import { openServices } from "../database";
import { cliActor } from "./import";

/** What the analysis asks for, as the API's request body takes it. */
export interface AnalysisRequest {
  readonly date: string;
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly iterations?: number;
  readonly parallel?: number;
}

type Call = (method: string, path: string, json?: unknown) => Promise<Response>;

/** Lets a large pooled plan finish past its time limit, as the CLI's in-memory path does. */
const GRACE_SECONDS = 600;

/**
 * The organisation's analysis run through the HTTP API, in this process, as one of its users
 * (`--as`, else its first admin): a short-lived API token, `POST /api/analyses/integration`, the
 * job followed at `/api/jobs/{id}/events`, the report read back as JSON, HTML and CSV. Exactly
 * what a partnership's commissioner does from the web app.
 */
export async function analyseThroughApi(
  source: { organisation: string; as?: string },
  request: AnalysisRequest,
  out: string | undefined,
): Promise<IntegrationAnalysisResultView> {
  const { services, close } = await openServices(process.env, { graceSeconds: GRACE_SECONDS });
  try {
    const actor = await cliActor(services.unitOfWork, source.organisation, source.as, "analysis");
    const issued = await services.auth.issueApiToken(actor.userId, "tt analyse integration", 1);
    try {
      const app = createHttpApp(services, { logger: pino({ level: "silent" }) });
      const call: Call = async (method, path, json) => {
        const headers: Record<string, string> = { authorization: `Bearer ${issued.token}` };
        if (json !== undefined) headers["content-type"] = "application/json";
        const body = json === undefined ? {} : { body: JSON.stringify(json) };
        return app.request(path, { method, headers, ...body });
      };
      const result = await runJob(call, request);
      if (out) {
        await writeApiReport(call, result.jobId, result.result.report, out);
        process.stderr.write(`Report written to ${out}\n`);
      }
      return result.result;
    } finally {
      await services.auth.revokeApiToken(actor.userId, issued.id);
    }
  } finally {
    await close();
  }
}

async function answer(response: Response, what: string): Promise<unknown> {
  const body: unknown = await response.json();
  if (!response.ok) {
    const error = errorBodySchema.safeParse(body);
    const message = error.success ? error.data.message : "";
    throw new AppError("internal", `${what}: ${response.status} ${message}`);
  }
  return body;
}

async function runJob(call: Call, request: AnalysisRequest) {
  const started = await call("POST", "/api/analyses/integration", request);
  const { jobId } = jobAcceptedSchema.parse(await answer(started, "starting the analysis"));
  process.stderr.write(`Analysing ${request.date} through the API (job ${jobId})…\n`);
  const job = await finished(call, jobId);
  if (job.status !== "succeeded") {
    throw new AppError("internal", job.error?.message ?? `the analysis is ${job.status}`);
  }
  const parsed = integrationAnalysisResultSchema.safeParse(job.result);
  if (!parsed.success) throw new AppError("internal", "the job's result is not a report");
  return { jobId, result: parsed.data };
}

/** How often the job is looked at while it runs, milliseconds. */
const POLL_MS = 2000;

/** The job once it has ended, however long its plans overrun their time limits. */
async function finished(call: Call, jobId: string) {
  for (;;) {
    const job = jobSchema.parse(await answer(await call("GET", `/api/jobs/${jobId}`), "the job"));
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The report as the API serves it: JSON, the HTML page and every table as CSV. */
async function writeApiReport(
  call: Call,
  jobId: string,
  report: IntegrationReportView,
  dir: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const base = `/api/analyses/integration/${jobId}`;
  await writeFile(join(dir, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(
    join(dir, "report.html"),
    await (await call("GET", `${base}/report.html`)).text(),
  );
  for (const table of INTEGRATION_REPORT_TABLES) {
    const csv = await call("GET", `${base}/report.csv?table=${table}`);
    await writeFile(join(dir, `${table}.csv`), await csv.text());
  }
}
