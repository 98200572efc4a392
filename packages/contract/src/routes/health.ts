import { createRoute, z } from "@hono/zod-openapi";

export const healthSchema = z
  .object({
    status: z.literal("ok"),
    database: z.enum(["pglite", "postgres"]),
    version: z.string(),
  })
  .openapi("Health");
export type Health = z.infer<typeof healthSchema>;

export const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["Service"],
  summary: "Is the service up, and on which database",
  responses: {
    200: {
      description: "The service is up.",
      content: { "application/json": { schema: healthSchema } },
    },
  },
});
