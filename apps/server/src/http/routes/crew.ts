import type { OpenAPIHono } from "@hono/zod-openapi";
import type { CrewAssignment } from "@tt/app";
import { assignCrewRoute, type CrewRotaView, crewRotaRoute } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

function presentRota(items: readonly CrewAssignment[]): CrewRotaView {
  return { items: items.map((a) => ({ ...a })) };
}

/**
 * The crew rota: `GET /api/crew/{date}` reads it, `PUT /api/crew/{date}/{vehicleId}` sets one
 * vehicle's crew. Staff grant (read, write); a fleet manager crews only their operator's vehicles.
 */
export function mountCrewRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  app.openapi(crewRotaRoute, async (c) => {
    const rota = await services.crew.list(actorOf(c), c.req.valid("param").date);
    return c.json(presentRota(rota), 200);
  });

  app.openapi(assignCrewRoute, async (c) => {
    const { date, vehicleId } = c.req.valid("param");
    const { staffIds } = c.req.valid("json");
    const rota = await services.crew.assign(actorOf(c), { serviceDate: date, vehicleId, staffIds });
    return c.json(presentRota(rota), 200);
  });
}
