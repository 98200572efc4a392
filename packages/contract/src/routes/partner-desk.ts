import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { API_RESOURCES, type ResourceRecord } from "../resources";
import {
  bookBodySchema,
  bookedSchema,
  bookingBodySchema,
  bookingOptionsSchema,
  cancellationBodySchema,
  cancelledSchema,
  passengerStandingSchema,
} from "./bookings";
import { AUTHENTICATED } from "./security";
import { partnerParams, partnerQuerySchema } from "./sharing";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const common = { security: AUTHENTICATED } as const;
const tags = ["Booking desk"];
const errors = { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE, ...CONFLICT_RESPONSE } as const;
const UNDER =
  "Only through an active agreement whose providers include the partner, whose recipients include your organisation and whose purposes include booking: otherwise 404, as for an organisation that does not exist. An agreement that does not cover identity and trips is refused with 409 naming what it lacks. Written to the partner's audit log, naming the agreement.";

const agreementRefSchema = z.object({ id: z.uuid(), reference: z.string() });

export const partnerPlacesSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        name: z.string(),
        kind: z.string(),
      }),
    ),
    total: z.number().int(),
    agreement: agreementRefSchema,
  })
  .openapi("PartnerPlaces", { description: "A partner's places, to book trips to and from." });
export type PartnerPlacesView = z.infer<typeof partnerPlacesSchema>;

export const partnerFundersSchema = z
  .object({
    items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
    agreement: agreementRefSchema,
  })
  .openapi("PartnerFunders", { description: "Who in the partner pays for its trips." });
export type PartnerFundersView = z.infer<typeof partnerFundersSchema>;

const bookingQuery = z.object({ purpose: z.literal("booking").default("booking") });

export const partnerPlacesRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners/{organisationId}/places",
  summary:
    "A partner's places (schools, hospitals, day centres) for its trips, under a booking agreement",
  description: UNDER,
  request: { params: partnerParams, query: partnerQuerySchema.omit({ purpose: true }) },
  responses: { 200: { description: "By name.", content: json(partnerPlacesSchema) }, ...errors },
});

export const partnerFundersRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners/{organisationId}/funders",
  summary: "Who in a partner funds its trips, under a booking agreement",
  description: UNDER,
  request: { params: partnerParams, query: bookingQuery },
  responses: { 200: { description: "By name.", content: json(partnerFundersSchema) }, ...errors },
});

export const partnerBookingOptionsRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/partners/{organisationId}/bookings/options",
  summary: "A partner's passenger: up to three places for a trip in the partner's operating plan",
  description: `The booking desk for a partner's passenger, as for your own: the passenger, funder and places are the partner's, and the options are in the partner's published plan of the day. ${UNDER}`,
  request: {
    params: partnerParams,
    query: z.object({ everyRun: z.enum(["true", "false"]).optional() }),
    body: { content: json(bookingBodySchema), required: true },
  },
  responses: {
    200: {
      description: "The options, or why there are none.",
      content: json(bookingOptionsSchema),
    },
    ...errors,
  },
});

export const partnerBookRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/partners/{organisationId}/bookings",
  summary: "Book a partner's passenger on the vehicle chosen: a new revision of the partner's plan",
  description: `The trip request is the partner's, booked, and the partner's operating plan gets the next revision. ${UNDER}`,
  request: { params: partnerParams, body: { content: json(bookBodySchema), required: true } },
  responses: { 201: { description: "Booked.", content: json(bookedSchema) }, ...errors },
});

export const partnerTripsSchema = z
  .object({ items: z.array(API_RESOURCES.tripRequests.record) })
  .openapi("PartnerTrips", { description: "The partner passenger's trip requests." });
/** The trips as the register's own list gives them. */
export interface PartnerTripsView {
  readonly items: ResourceRecord<"tripRequests">[];
}

const passengerParams = partnerParams.extend(idParamSchema.shape);

export const partnerStandingRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners/{organisationId}/passengers/{id}/standing",
  summary: "A partner's passenger's entitlement under each regime, as the desk may see it",
  description: UNDER,
  request: { params: passengerParams },
  responses: {
    200: { description: "By regime.", content: json(passengerStandingSchema) },
    ...errors,
  },
});

export const partnerTripsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners/{organisationId}/passengers/{id}/trips",
  summary: "A partner's passenger's trip requests, for the desk's list of trips to come",
  description: UNDER,
  request: { params: passengerParams },
  responses: { 200: { description: "At most 200.", content: json(partnerTripsSchema) }, ...errors },
});

export const partnerCancelTripRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/partners/{organisationId}/trip-requests/{id}/cancel",
  summary: "Cancel a partner's trip for a day, with a reason from the list",
  description: UNDER,
  request: {
    params: partnerParams.extend(idParamSchema.shape),
    body: { content: json(cancellationBodySchema), required: true },
  },
  responses: { 200: { description: "Cancelled.", content: json(cancelledSchema) }, ...errors },
});
