import { createRoute, z } from "@hono/zod-openapi";
import { isIsoDate } from "@tt/domain";
import { idParamSchema } from "../common";
import {
  CONTACT_CHANNELS,
  CONTACT_RELATIONSHIPS,
  contactFieldsSchema,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
} from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const isoDateQuery = () =>
  z
    .string()
    .refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD" that exists' })
    .openapi({ example: "2026-11-24", format: "date" });
const tags = ["Messages"];
const common = { security: AUTHENTICATED, tags };

/** A contact to add: the address is checked against its channel (UK mobiles for SMS). */
export const contactBodySchema = named(contactFieldsSchema, "ContactInput");

export const contactSchema = z
  .object({
    id: z.uuid(),
    passengerId: z.uuid(),
    channel: z.enum(CONTACT_CHANNELS),
    address: z.string().openapi({ example: "+447700900123" }),
    relationship: z.enum(CONTACT_RELATIONSHIPS),
    name: z.string().nullable(),
    optedOutAt: z.string().nullable().openapi({ description: "When they asked for no more." }),
    createdAt: z.string(),
  })
  .openapi("Contact");

export const messageSchema = z
  .object({
    id: z.uuid(),
    contactId: z.uuid().nullable(),
    passengerId: z.uuid(),
    tripRequestId: z.uuid().nullable(),
    serviceDate: z.string(),
    kind: z.enum(MESSAGE_KINDS),
    channel: z.enum(CONTACT_CHANNELS),
    subject: z.string(),
    body: z.string().openapi({ description: "The words sent, without the opt-out line." }),
    status: z.enum(MESSAGE_STATUSES),
    attempts: z.number().int(),
    providerReference: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi("Message");

const passengerParams = { params: idParamSchema };

export const listContactsRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/passengers/{id}/contacts",
  summary: "A passenger's contacts for pick-up times and changes",
  request: passengerParams,
  responses: {
    200: {
      description: "The contacts.",
      content: json(z.object({ contacts: z.array(contactSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const addContactRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/passengers/{id}/contacts",
  summary: "Add an email address or UK mobile that the passenger's messages go to",
  request: { ...passengerParams, body: { content: json(contactBodySchema), required: true } },
  responses: {
    201: { description: "Added.", content: json(contactSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
    ...CONFLICT_RESPONSE,
  },
});

export const optOutContactRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/contacts/{id}/opt-out",
  summary: "Record that the contact wants no more messages",
  request: { params: idParamSchema },
  responses: {
    200: { description: "Opted out.", content: json(contactSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const removeContactRoute = createRoute({
  ...common,
  method: "delete",
  path: "/api/contacts/{id}",
  summary: "Remove a contact (its messages stay in the log)",
  request: { params: idParamSchema },
  responses: { 204: { description: "Removed." }, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export const passengerMessagesRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/passengers/{id}/messages",
  summary: "The messages about a passenger's trips, newest first",
  request: passengerParams,
  responses: {
    200: {
      description: "The messages.",
      content: json(z.object({ messages: z.array(messageSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const messageLogRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/messages",
  summary: "The messages about trips from one day to another (at most 31 days), newest first",
  request: { query: z.object({ from: isoDateQuery(), to: isoDateQuery() }) },
  responses: {
    200: {
      description: "The newest 200 messages and how many of them stand in each status.",
      content: json(
        z.object({
          messages: z.array(messageSchema),
          counts: z.partialRecord(z.enum(MESSAGE_STATUSES), z.number().int()),
        }),
      ),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const optOutLinkRoute = createRoute({
  tags: ["Messages"],
  method: "post",
  path: "/api/opt-out/{token}",
  summary: "The link in every message: stops further messages to that contact",
  description:
    "Needs no sign-in: the token is the key, and it can only stop messages. Mail programs post here for one-click unsubscribe (RFC 8058), so no CSRF header is asked for.",
  request: {
    params: z.object({ token: z.string().max(64).openapi({ example: "k3…" }) }),
  },
  responses: {
    200: {
      description: "No more messages go to that contact.",
      content: json(z.object({ channel: z.enum(CONTACT_CHANNELS) })),
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export type ContactBody = z.input<typeof contactBodySchema>;
export type ContactView = z.infer<typeof contactSchema>;
export type MessageView = z.infer<typeof messageSchema>;
