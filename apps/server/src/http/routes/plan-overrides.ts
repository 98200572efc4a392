import type { OpenAPIHono } from "@hono/zod-openapi";
import type { PlanChange } from "@tt/app";
import {
  evaluatePlanChangeRoute,
  type PlanChangeBody,
  runManifestRoute,
  savePlanRunsRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentManifest } from "../presenters/manifest";
import { presentEvaluation, presentRevision } from "../presenters/plan-override";

/** The change a body names: a move, or a whole edited plan (the schema lets exactly one through). */
export function changeOf(body: PlanChangeBody): PlanChange {
  if (body.move) {
    const { request, toVehicle, position } = body.move;
    return { move: { request, toVehicle, ...(position ? { position } : {}) } };
  }
  const runs = (body.runs ?? []).map((run) => ({
    vehicleId: run.vehicleId,
    ...(run.layout === undefined ? {} : { layout: run.layout }),
    stops: run.stops,
  }));
  return { runs };
}

/**
 * The planner's desk: `POST /api/plans/{id}/evaluate` checks a move or an edited plan,
 * `PUT /api/plans/{id}/runs` saves it as a new revision, `GET …/runs/{vehicleId}/manifest` is the
 * run's audited manifest. Other organisations' plans are not found.
 */
export function mountPlanOverrideRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { planOverrides, manifests } = services;

  app.openapi(evaluatePlanChangeRoute, async (c) => {
    const change = changeOf(c.req.valid("json"));
    const checked = await planOverrides.evaluateChange(actorOf(c), c.req.valid("param").id, change);
    return c.json(presentEvaluation(checked), 200);
  });

  app.openapi(savePlanRunsRoute, async (c) => {
    const body = c.req.valid("json");
    const saved = await planOverrides.saveOverride(actorOf(c), c.req.valid("param").id, {
      change: changeOf(body),
      ...(body.reason ? { reason: body.reason } : {}),
      ...(body.acceptViolations === undefined ? {} : { acceptViolations: body.acceptViolations }),
    });
    return c.json(presentRevision(saved), 201);
  });

  app.openapi(runManifestRoute, async (c) => {
    const { id, vehicleId } = c.req.valid("param");
    const manifest = await manifests.getManifest(actorOf(c), id, vehicleId);
    return c.json(presentManifest(manifest), 200);
  });
}
