import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  bookingOptionsRoute,
  bookRoute,
  cancellationSummaryRoute,
  cancelTripRoute,
  passengerStandingRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import {
  presentBooked,
  presentBookingOptions,
  presentCancellationSummary,
  presentCancelled,
} from "../presenters/booking";

/**
 * The booking desk: `POST /api/bookings/options` offers places for a trip in the day's operating
 * plan; `POST /api/bookings` books the one chosen as the plan's next revision;
 * `POST /api/trip-requests/{id}/cancel` cancels a trip for a day with a reason, and
 * `GET /api/cancellations` counts cancellations by reason.
 */
export function mountBookingRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { bookings, cancellations } = services;

  app.openapi(bookingOptionsRoute, async (c) => {
    const everyRun = c.req.valid("query").everyRun === "true";
    const found = await bookings.options(actorOf(c), c.req.valid("json"), everyRun);
    // How long the engine's search took, for whoever measures the desk (no personal data).
    c.header("Server-Timing", `insert;dur=${found.searchMs.toFixed(1)}`);
    return c.json(presentBookingOptions(found), 200);
  });

  app.openapi(bookRoute, async (c) => {
    const { booking, vehicleId, toldWindow } = c.req.valid("json");
    const booked = await bookings.book(actorOf(c), booking, vehicleId, toldWindow);
    return c.json(presentBooked(booked), 201);
  });

  app.openapi(cancelTripRoute, async (c) => {
    const { id } = c.req.valid("param");
    const cancelled = await cancellations.cancel(actorOf(c), id, c.req.valid("json"));
    return c.json(presentCancelled(cancelled), 200);
  });

  app.openapi(passengerStandingRoute, async (c) => {
    const items = await services.standings.standings(actorOf(c), c.req.valid("param").id);
    return c.json({ items: items.map((s) => ({ ...s })) }, 200);
  });

  app.openapi(cancellationSummaryRoute, async (c) => {
    const { from, to } = c.req.valid("query");
    const summary = await cancellations.summary(actorOf(c), from, to);
    return c.json(presentCancellationSummary(summary), 200);
  });
}
