import type { OpenAPIHono } from "@hono/zod-openapi";
import { type Boundaries, reportHtml, reportTableCsv } from "@tt/app";
import {
  analysableFundersRoute,
  integrationReportCsvRoute,
  integrationReportHtmlRoute,
  memberSharesRoute,
  startIntegrationAnalysisRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/**
 * Integration analyses as jobs: `POST /api/analyses/integration` starts one (202 with the job id;
 * follow it at `/api/jobs/{id}` and its `/events`), and the finished report is served as one HTML
 * page or a CSV per table; `…/funders` lists the funders an analysis may plan. Roles need the
 * `plans` grant (write to start).
 */
export function mountAnalysisRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { analyses } = services;

  app.openapi(startIntegrationAnalysisRoute, async (c) => {
    const accepted = await analyses.startAnalysis(actorOf(c), c.req.valid("json"));
    return c.json(accepted, 202);
  });

  app.openapi(analysableFundersRoute, async (c) => {
    const { funders, skipped } = await analyses.listFunders(actorOf(c));
    const items = funders.map((f) => ({
      ...f,
      ...(f.agreement ? { agreement: { ...f.agreement } } : {}),
    }));
    return c.json({ items, skipped: skipped.map((s) => ({ ...s })) }, 200);
  });

  app.openapi(memberSharesRoute, async (c) => {
    const shares = await analyses.memberShares(actorOf(c));
    const items = shares.map((s) => ({ ...s, funders: s.funders.map((f) => ({ ...f })) }));
    return c.json({ items }, 200);
  });

  app.openapi(integrationReportHtmlRoute, async (c) => {
    const stored = await analyses.getResult(actorOf(c), c.req.valid("param").id);
    const boundaries: Boundaries | undefined = await services.boundaries();
    const html = reportHtml({
      report: stored.report,
      runs: stored.runs,
      ...(boundaries ? { boundaries } : {}),
    });
    return c.body(html, 200, { "content-type": "text/html; charset=utf-8" });
  });

  app.openapi(integrationReportCsvRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { table } = c.req.valid("query");
    const stored = await analyses.getResult(actorOf(c), id);
    return c.body(reportTableCsv(stored.report, table), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="integration-${table}.csv"`,
    });
  });
}
