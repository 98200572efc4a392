import { createRoute, z } from "@hono/zod-openapi";
import { COMMON_ERROR_RESPONSES } from "../errors";
import { AUTHENTICATED } from "./security";

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "Cambridgeshire County Council" }),
    kind: z.string().openapi({ example: "council" }),
  })
  .openapi("Organisation");
export type OrganisationView = z.infer<typeof organisationSchema>;

export const organisationRoute = createRoute({
  method: "get",
  path: "/api/organisation",
  tags: ["Session"],
  summary: "The signed-in user's organisation (for the page header)",
  security: AUTHENTICATED,
  responses: {
    200: {
      description: "The organisation.",
      content: { "application/json": { schema: organisationSchema } },
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
