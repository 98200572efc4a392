import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  partnerBookingOptionsRoute,
  partnerBookRoute,
  partnerCancelTripRoute,
  partnerFundersRoute,
  partnerPlacesRoute,
  partnerStandingRoute,
  partnerTripsRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { honoPath } from "../middleware/route-access";
import { presentBooked, presentBookingOptions, presentCancelled } from "../presenters/booking";

/**
 * The booking desk for a partner's passengers, under an active booking agreement: the partner's
 * places and funders, options in the partner's operating plan, booking and cancelling.
 */
/**
 * The partner desk's writes ask for the booking agreement before anything reads their body:
 * without one the partner is not found (404), whatever is sent. Mounted after the role checks.
 */
export function requirePartnerAgreement(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  for (const route of [partnerBookingOptionsRoute, partnerBookRoute, partnerCancelTripRoute]) {
    app.post(honoPath(route.path), async (c, next) => {
      await services.partnerDesk.mustBook(actorOf(c), c.req.param("organisationId") ?? "");
      await next();
    });
  }
}

export function mountPartnerDeskRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const desk = services.partnerDesk;

  app.openapi(partnerPlacesRoute, async (c) => {
    const { organisationId } = c.req.valid("param");
    const page = await desk.places(actorOf(c), organisationId, c.req.valid("query"));
    const items = page.items.map(({ id, reference, name, kind }) => ({
      id,
      reference,
      name,
      kind,
    }));
    return c.json({ items, total: page.total, agreement: page.agreement }, 200);
  });

  app.openapi(partnerFundersRoute, async (c) => {
    const { organisationId } = c.req.valid("param");
    const found = await desk.funders(actorOf(c), organisationId);
    const items = found.items.map(({ id, name, kind }) => ({ id, name, kind }));
    return c.json({ items, agreement: found.agreement }, 200);
  });

  app.openapi(partnerStandingRoute, async (c) => {
    const { organisationId, id } = c.req.valid("param");
    const items = await desk.standing(actorOf(c), organisationId, id);
    return c.json({ items: items.map((s) => ({ ...s })) }, 200);
  });

  app.openapi(partnerTripsRoute, async (c) => {
    const { organisationId, id } = c.req.valid("param");
    const items = await desk.trips(actorOf(c), organisationId, id);
    return c.json({ items: items.map((t) => structuredClone(t)) }, 200);
  });

  app.openapi(partnerBookingOptionsRoute, async (c) => {
    const { organisationId } = c.req.valid("param");
    const everyRun = c.req.valid("query").everyRun === "true";
    const found = await desk.options(actorOf(c), organisationId, c.req.valid("json"), everyRun);
    c.header("Server-Timing", `insert;dur=${found.searchMs.toFixed(1)}`);
    return c.json(presentBookingOptions(found), 200);
  });

  app.openapi(partnerBookRoute, async (c) => {
    const { organisationId } = c.req.valid("param");
    const { booking, vehicleId, toldWindow } = c.req.valid("json");
    const booked = await desk.book(actorOf(c), organisationId, booking, vehicleId, toldWindow);
    return c.json(presentBooked(booked), 201);
  });

  app.openapi(partnerCancelTripRoute, async (c) => {
    const { organisationId, id } = c.req.valid("param");
    const cancelled = await desk.cancel(actorOf(c), organisationId, id, c.req.valid("json"));
    return c.json(presentCancelled(cancelled), 200);
  });
}
