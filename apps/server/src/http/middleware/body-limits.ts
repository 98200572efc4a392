import { errorBody } from "@tt/contract";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorResponse } from "../errors";

export interface BodyLimits {
  /** JSON bodies, in bytes (default 1 MB). */
  readonly jsonBytes: number;
  /** CSV uploads to `…/import`, in bytes (default 50 MB). */
  readonly csvBytes: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  jsonBytes: 1024 * 1024,
  csvBytes: 50 * 1024 * 1024,
};

function limit(maxSize: number, what: string): MiddlewareHandler {
  const megabytes = Math.round((maxSize / (1024 * 1024)) * 10) / 10;
  return bodyLimit({
    maxSize,
    onError: (c) =>
      errorResponse(
        c,
        errorBody("payload-too-large", `The ${what} is larger than the limit of ${megabytes} MB.`),
      ),
  });
}

/**
 * Request body size limits: ~50 MB for CSV imports, ~1 MB for everything else. With a
 * Content-Length header the body is refused before it is read and otherwise passes through
 * untouched (CSV still streams); without one, Hono counts the bytes as they arrive.
 */
export function limitBodies(limits: BodyLimits): MiddlewareHandler {
  const json = limit(limits.jsonBytes, "request body");
  const csv = limit(limits.csvBytes, "CSV file");
  return (c, next) => (c.req.path.endsWith("/import") ? csv(c, next) : json(c, next));
}
