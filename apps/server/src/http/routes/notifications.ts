import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  addContactRoute,
  listContactsRoute,
  messageLogRoute,
  optOutContactRoute,
  optOutLinkRoute,
  passengerMessagesRoute,
  removeContactRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/**
 * Messages to passengers and parents: contacts per passenger (`/api/passengers/{id}/contacts`,
 * `/api/contacts/{id}`), the message log (`/api/passengers/{id}/messages`, `/api/messages`) and the
 * opt-out link every message carries (`POST /api/opt-out/{token}`, no sign-in).
 */
export function mountNotificationRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { notifications } = services;

  app.openapi(listContactsRoute, async (c) => {
    const contacts = await notifications.contacts(actorOf(c), c.req.valid("param").id);
    return c.json({ contacts }, 200);
  });

  app.openapi(addContactRoute, async (c) => {
    const { id } = c.req.valid("param");
    const contact = await notifications.addContact(actorOf(c), id, c.req.valid("json"));
    return c.json(contact, 201);
  });

  app.openapi(optOutContactRoute, async (c) => {
    const contact = await notifications.optOut(actorOf(c), c.req.valid("param").id);
    return c.json(contact, 200);
  });

  app.openapi(removeContactRoute, async (c) => {
    await notifications.removeContact(actorOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });

  app.openapi(passengerMessagesRoute, async (c) => {
    const messages = await notifications.messagesOf(actorOf(c), c.req.valid("param").id);
    return c.json({ messages }, 200);
  });

  app.openapi(messageLogRoute, async (c) => {
    const log = await notifications.messagesOfDays(actorOf(c), c.req.valid("query"));
    return c.json(log, 200);
  });

  app.openapi(optOutLinkRoute, async (c) => {
    const stopped = await notifications.optOutByLink(c.req.valid("param").token);
    return c.json(stopped, 200);
  });
}
