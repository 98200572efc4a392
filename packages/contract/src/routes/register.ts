import { createRoute, z } from "@hono/zod-openapi";
import {
  idParamSchema,
  pageQueryShape,
  pageSchema,
  purposeHeaderSchema,
  searchQueryShape,
} from "../common";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE, PAYLOAD_TOO_LARGE_RESPONSE } from "../errors";
import {
  API_RESOURCES,
  type ApiResources,
  CSV_RESOURCE_KINDS,
  type CsvResourceKind,
  RESOURCE_KINDS,
  type ResourceKind,
} from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** `/api/trip-requests` for `tripRequests`. */
export function collectionPath(kind: ResourceKind): `/api/${string}` {
  return `/api/${API_RESOURCES[kind].path}`;
}

/** What every route of one resource shares. */
function partsOf<K extends ResourceKind>(kind: K) {
  const res: ApiResources[K] = API_RESOURCES[kind];
  const base = collectionPath(kind);
  return {
    res,
    base,
    item: `${base}/{id}`,
    common: { tags: [res.name], security: AUTHENTICATED },
    record: json(res.record),
    errors: { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
  };
}

function listRoute<K extends ResourceKind>(kind: K) {
  const { res, base, common } = partsOf(kind);
  const query = z.object({ ...pageQueryShape, ...searchQueryShape, ...res.filters });
  return createRoute({
    ...common,
    method: "get",
    path: base,
    summary: `List ${res.singular} records`,
    request: { query, headers: purposeHeaderSchema },
    responses: {
      200: { description: "A page.", content: json(pageSchema(res.record, `${res.name}Page`)) },
      ...COMMON_ERROR_RESPONSES,
    },
  });
}

function getRoute<K extends ResourceKind>(kind: K) {
  const { res, item, common, record, errors } = partsOf(kind);
  return createRoute({
    ...common,
    method: "get",
    path: item,
    summary: `Get one ${res.singular}`,
    request: { params: idParamSchema, headers: purposeHeaderSchema },
    responses: { 200: { description: "The record.", content: record }, ...errors },
  });
}

function createOneRoute<K extends ResourceKind>(kind: K) {
  const { res, base, common, record, errors } = partsOf(kind);
  return createRoute({
    ...common,
    method: "post",
    path: base,
    summary: `Create a ${res.singular}`,
    request: { headers: purposeHeaderSchema, body: { required: true, content: json(res.input) } },
    responses: {
      201: { description: "Created.", content: record },
      ...errors,
      ...PAYLOAD_TOO_LARGE_RESPONSE,
    },
  });
}

function updateRoute<K extends ResourceKind>(kind: K) {
  const { res, item, common, record, errors } = partsOf(kind);
  return createRoute({
    ...common,
    method: "put",
    path: item,
    summary: `Replace a ${res.singular}`,
    request: {
      params: idParamSchema,
      headers: purposeHeaderSchema,
      body: { required: true, content: json(res.input) },
    },
    responses: {
      200: { description: "Replaced.", content: record },
      ...errors,
      ...PAYLOAD_TOO_LARGE_RESPONSE,
    },
  });
}

function removeRoute<K extends ResourceKind>(kind: K) {
  const { res, item, common, errors } = partsOf(kind);
  return createRoute({
    ...common,
    method: "delete",
    path: item,
    summary: `Delete a ${res.singular}`,
    request: { params: idParamSchema, headers: purposeHeaderSchema },
    responses: { 204: { description: "Deleted." }, ...errors },
  });
}

/** The five routes of one register resource: list, get, create, replace, delete. */
export function crudRoutes<K extends ResourceKind>(kind: K) {
  return {
    list: listRoute(kind),
    get: getRoute(kind),
    create: createOneRoute(kind),
    update: updateRoute(kind),
    remove: removeRoute(kind),
  };
}

export const importReportSchema = z
  .object({ kind: z.string(), rowsRead: z.number().int(), created: z.number().int() })
  .openapi("ImportReport");
export type ImportReport = z.infer<typeof importReportSchema>;

const csvContent = { "text/csv": { schema: z.string().openapi({ format: "binary" }) } };

/** CSV import (all or nothing) and export of one resource. */
export function csvRoutes(kind: CsvResourceKind) {
  const res = API_RESOURCES[kind];
  const base = collectionPath(kind);
  const common = { tags: [res.name], security: AUTHENTICATED };
  return {
    importCsv: createRoute({
      ...common,
      method: "post",
      path: `${base}/import`,
      summary: `Import ${res.singular} records from CSV (all or nothing)`,
      description: "A file with any bad row stores nothing; the 422 answer lists every problem.",
      request: { headers: purposeHeaderSchema, body: { required: true, content: csvContent } },
      responses: {
        201: { description: "Every row was stored.", content: json(importReportSchema) },
        ...COMMON_ERROR_RESPONSES,
        ...PAYLOAD_TOO_LARGE_RESPONSE,
      },
    }),
    exportCsv: createRoute({
      ...common,
      method: "get",
      path: `${base}/export`,
      summary: `Export every ${res.singular} record as CSV`,
      request: { headers: purposeHeaderSchema },
      responses: {
        200: { description: "The file.", content: csvContent },
        ...COMMON_ERROR_RESPONSES,
      },
    }),
  };
}

export type CrudRoutes<K extends ResourceKind> = ReturnType<typeof crudRoutes<K>>;
export type CsvRoutes = ReturnType<typeof csvRoutes>;

/** Every register route, built once. */
export const REGISTER_ROUTES = Object.fromEntries(
  RESOURCE_KINDS.map((kind) => [kind, crudRoutes(kind)]),
) as { [K in ResourceKind]: CrudRoutes<K> };

export const CSV_ROUTES = Object.fromEntries(
  CSV_RESOURCE_KINDS.map((kind) => [kind, csvRoutes(kind)]),
) as Record<CsvResourceKind, CsvRoutes>;
