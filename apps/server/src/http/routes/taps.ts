import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  importTapsRoute,
  journeyExportRoute,
  journeyReportRoute,
  occupancyRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentJourneyReport, presentOccupancy } from "../presenters/operations";
import { assertCsv, chunksOf } from "./csv";

/**
 * Loading what really happened: `POST /api/taps/import` takes smartcard taps or attendance as CSV
 * (all or nothing), `GET /api/occupancy` compares them with the operating plans;
 * `GET /api/journeys` (and `/export`, CSV) gives completed journeys and their figures.
 */
export function mountTapRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  app.openapi(importTapsRoute, async (c) => {
    assertCsv(c.req.header("content-type"));
    const report = await services.taps.importCsv(actorOf(c), chunksOf(c.req.raw.body));
    return c.json(report, 201);
  });

  app.openapi(occupancyRoute, async (c) => {
    const occupancy = await services.occupancy.occupancy(actorOf(c), c.req.valid("query"));
    return c.json(presentOccupancy(occupancy), 200);
  });

  app.openapi(journeyReportRoute, async (c) => {
    const report = await services.journeys.report(actorOf(c), c.req.valid("query"));
    return c.json(presentJourneyReport(report), 200);
  });

  app.openapi(journeyExportRoute, async (c) => {
    const csv = await services.journeys.csv(actorOf(c), c.req.valid("query"));
    const { from, to } = c.req.valid("query");
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="journeys-${from}-${to}.csv"`,
    });
  });
}
