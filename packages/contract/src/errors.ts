import { z } from "@hono/zod-openapi";

/** Stable error codes at the API's edge; the same codes the application raises. */
export const ERROR_CODES = [
  "validation-failed",
  "not-found",
  "forbidden",
  "unauthenticated",
  "conflict",
  "payload-too-large",
  "too-many-requests",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one table from error code to HTTP status (architecture pattern 9). */
export const ERROR_STATUS = {
  "validation-failed": 422,
  "not-found": 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  "payload-too-large": 413,
  "too-many-requests": 429,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** One problem with the input, named precisely enough for a person to fix it. */
export const issueSchema = z
  .object({
    path: z.string().openapi({ example: "homeLat" }),
    message: z
      .string()
      .openapi({ example: "latitude must be between 49.8 and 61 (Great Britain)" }),
    row: z.number().int().optional().openapi({ description: "For CSV imports: the file's line." }),
  })
  .openapi("Issue");
export type Issue = z.infer<typeof issueSchema>;

/** Every error answer has this body. */
export const errorBodySchema = z
  .object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(issueSchema),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Builds the body for an error code. */
export function errorBody(code: ErrorCode, message: string, details: readonly Issue[] = []) {
  return { code, message, details: [...details] } satisfies ErrorBody;
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: errorBodySchema } } };
}

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const COMMON_ERROR_RESPONSES = {
  401: errorResponse("Not signed in, or the token is not valid."),
  403: errorResponse("Your role may not do this, or a CSRF header is missing."),
  422: errorResponse("The input is not valid; `details` lists every problem."),
  500: errorResponse("Something went wrong on the server."),
} as const;

export const NOT_FOUND_RESPONSE = {
  404: errorResponse("No such record in your organisation."),
} as const;

export const PAYLOAD_TOO_LARGE_RESPONSE = {
  413: errorResponse("The request body is larger than the limit."),
} as const;

export const TOO_MANY_REQUESTS_RESPONSE = {
  429: {
    ...errorResponse("Too many failed attempts; wait for the seconds in `Retry-After`."),
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
  },
} as const;

export const CONFLICT_RESPONSE = {
  409: errorResponse("The record is not in a state that allows this; the message says why."),
} as const;
