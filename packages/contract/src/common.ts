import { z } from "@hono/zod-openapi";

/** What the server adds to every stored row. */
export const storedFieldsShape = {
  id: z.uuid().openapi({ example: "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11" }),
  organisationId: z.uuid(),
  createdAt: z.string().openapi({ format: "date-time" }),
  updatedAt: z.string().openapi({ format: "date-time" }),
};

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/** `?offset&limit` on every list. */
export const pageQueryShape = {
  offset: z.coerce.number().int().min(0).default(0).openapi({ example: 0 }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE, { message: `limit must be at most ${MAX_PAGE_SIZE}` })
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ example: DEFAULT_PAGE_SIZE }),
};

export const searchQueryShape = {
  search: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "Case-insensitive match on names and references." }),
};

/** A page of items with the total that match. */
export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int(),
      offset: z.number().int(),
      limit: z.number().int(),
    })
    .openapi(name);
}

export const idParamSchema = z.object({
  // Bounded: an id is echoed in a 404's message, and no id is this long.
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});

export const PURPOSE_HEADER = "x-purpose";

/** Why personal data is touched; recorded in the audit log. */
export const purposeHeaderSchema = z.object({
  [PURPOSE_HEADER]: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({
      param: { name: PURPOSE_HEADER, in: "header" },
      description: "Why you are touching personal data; recorded in the audit log.",
      example: "booking call about a hospital appointment",
    }),
});

/** The header a browser must send with state-changing, cookie-authenticated requests. */
export const CSRF_HEADER = "X-Requested-With";
