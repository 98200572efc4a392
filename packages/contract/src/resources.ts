import { z } from "@hono/zod-openapi";
import { storedFieldsShape } from "./common";
import {
  budgetInputSchema,
  FUNDER_KINDS,
  funderInputSchema,
  OPERATOR_KINDS,
  operatorInputSchema,
  PLACE_KINDS,
  passengerInputSchema,
  placeInputSchema,
  SCHOOL_PHASES,
  STAFF_ROLES,
  staffInputSchema,
  TRIP_PURPOSES,
  TRIP_STATUSES,
  termCalendarInputSchema,
  tripRequestInputSchema,
  VEHICLE_KINDS,
  vehicleInputSchema,
} from "./domain";

type Namer = (this: z.ZodType, refId: string) => z.ZodType;

/**
 * Names a schema as an OpenAPI component. Domain schemas may be created before
 * `@hono/zod-openapi` extends zod (module order), so they can lack `.openapi()`: call it from the
 * prototype instead.
 */
export function named<T extends z.ZodType>(schema: T, name: string): T {
  const openapi = (z.ZodType.prototype as unknown as { openapi: Namer }).openapi;
  return openapi.call(schema, name) as T;
}

const optionalId = z.uuid({ message: "expected an id (UUID)" }).optional();

/** A register resource as the API exposes it. */
function resource<
  const K extends string,
  I extends z.ZodObject,
  F extends z.ZodRawShape,
  const C extends boolean,
>(spec: { kind: K; path: string; name: string; singular: string; input: I; filters: F; csv: C }) {
  // Responses are the input's output shape plus the stored fields; refinements are input-only.
  const record = z.object({ ...spec.input.shape, ...storedFieldsShape }).openapi(spec.name);
  return {
    ...spec,
    input: named(spec.input, `${spec.name}Input`),
    record,
  };
}

/**
 * Every register resource of the API: its URL segment, request and response schemas, list filters
 * and whether it can be imported and exported as CSV. Keys match the application's register kinds.
 */
export const API_RESOURCES = {
  passengers: resource({
    kind: "passengers",
    path: "passengers",
    name: "Passenger",
    singular: "passenger",
    input: passengerInputSchema,
    filters: {},
    csv: true,
  }),
  places: resource({
    kind: "places",
    path: "places",
    name: "Place",
    singular: "place",
    input: placeInputSchema,
    filters: {
      kind: z.enum(PLACE_KINDS).optional(),
      schoolPhase: z.enum(SCHOOL_PHASES).optional(),
    },
    csv: true,
  }),
  vehicles: resource({
    kind: "vehicles",
    path: "vehicles",
    name: "Vehicle",
    singular: "vehicle",
    input: vehicleInputSchema,
    filters: { kind: z.enum(VEHICLE_KINDS).optional(), operatorId: optionalId },
    csv: true,
  }),
  staff: resource({
    kind: "staff",
    path: "staff",
    name: "StaffMember",
    singular: "staff member",
    input: staffInputSchema,
    filters: { role: z.enum(STAFF_ROLES).optional(), operatorId: optionalId },
    csv: false,
  }),
  operators: resource({
    kind: "operators",
    path: "operators",
    name: "Operator",
    singular: "operator",
    input: operatorInputSchema,
    filters: { kind: z.enum(OPERATOR_KINDS).optional() },
    csv: false,
  }),
  funders: resource({
    kind: "funders",
    path: "funders",
    name: "Funder",
    singular: "funder",
    input: funderInputSchema,
    filters: { kind: z.enum(FUNDER_KINDS).optional() },
    csv: false,
  }),
  budgets: resource({
    kind: "budgets",
    path: "budgets",
    name: "Budget",
    singular: "budget",
    input: budgetInputSchema,
    filters: { funderId: optionalId, financialYear: z.string().max(7).optional() },
    csv: false,
  }),
  tripRequests: resource({
    kind: "tripRequests",
    path: "trip-requests",
    name: "TripRequest",
    singular: "trip request",
    input: tripRequestInputSchema,
    filters: {
      purpose: z.enum(TRIP_PURPOSES).optional(),
      status: z.enum(TRIP_STATUSES).optional(),
      passengerId: optionalId,
      funderId: optionalId,
    },
    csv: true,
  }),
  termCalendars: resource({
    kind: "termCalendars",
    path: "term-calendars",
    name: "TermCalendar",
    singular: "term calendar",
    input: termCalendarInputSchema,
    filters: {},
    csv: false,
  }),
} as const;

export type ApiResources = typeof API_RESOURCES;
export type ResourceKind = keyof ApiResources;
export type ApiResource = ApiResources[ResourceKind];
export const RESOURCE_KINDS = Object.keys(API_RESOURCES) as ResourceKind[];

/** Resources that can be imported from and exported to CSV. */
export type CsvResourceKind = {
  [K in ResourceKind]: ApiResources[K]["csv"] extends true ? K : never;
}[ResourceKind];
export const CSV_RESOURCE_KINDS = RESOURCE_KINDS.filter(
  (kind): kind is CsvResourceKind => API_RESOURCES[kind].csv,
);

/** What you send to create or replace a row of `K`. */
export type ResourceInput<K extends ResourceKind> = z.input<ApiResources[K]["input"]>;
/** What the server adds to every stored row. */
export interface StoredFields {
  readonly id: string;
  readonly organisationId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
/** A stored row of `K`, as the API returns it. */
export type ResourceRecord<K extends ResourceKind> = z.output<ApiResources[K]["input"]> &
  StoredFields;
/** The exact-match filters a list of `K` accepts. */
export type ResourceFilters<K extends ResourceKind> = {
  [F in keyof ApiResources[K]["filters"]]?: string;
};
