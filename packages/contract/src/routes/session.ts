import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import { ROLES } from "../domain";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE, TOO_MANY_REQUESTS_RESPONSE } from "../errors";
import { AUTHENTICATED } from "./security";

export const signInSchema = z
  .object({
    email: z.string().trim().min(1, { message: "email is required" }).max(320),
    password: z.string().min(1, { message: "password is required" }).max(1000),
  })
  .openapi("SignIn");
export type SignIn = z.infer<typeof signInSchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
  })
  .openapi("User");
export type ApiUser = z.infer<typeof userSchema>;

export const tokenRequestSchema = z
  .object({
    name: z.string().trim().min(1, { message: "name is required" }).max(100),
    expiresInDays: z
      .number()
      .int({ message: "expiresInDays must be a whole number" })
      .min(1, { message: "expiresInDays must be at least 1" })
      .max(365, { message: "expiresInDays must be at most 365" })
      .optional()
      .openapi({ description: "How long the token lives (default 90 days)." }),
  })
  .openapi("TokenRequest");
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const issuedTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    token: z.string().openapi({ description: "Shown once; send as `Authorization: Bearer …`." }),
    expiresAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("IssuedToken");
export type IssuedToken = z.infer<typeof issuedTokenSchema>;

/** A token as its owner sees it: never the secret. */
export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string().openapi({ format: "date-time" }),
    expiresAt: z.string().openapi({ format: "date-time" }),
    lastUsedAt: z.string().nullable().openapi({ format: "date-time" }),
    revoked: z.boolean(),
  })
  .openapi("ApiToken");
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const tokenListSchema = z.object({ items: z.array(apiTokenSchema) }).openapi("TokenList");
export type TokenList = z.infer<typeof tokenListSchema>;

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const signInRoute = createRoute({
  method: "post",
  path: "/api/session",
  tags: ["Session"],
  summary: "Sign in with email and password; sets the session cookie",
  request: { body: { required: true, content: json(signInSchema) } },
  responses: {
    200: { description: "Signed in.", content: json(userSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...TOO_MANY_REQUESTS_RESPONSE,
  },
});

export const signOutRoute = createRoute({
  method: "delete",
  path: "/api/session",
  tags: ["Session"],
  summary: "Sign out; ends the session and clears the cookie",
  responses: { 204: { description: "Signed out." }, ...COMMON_ERROR_RESPONSES },
});

export const meRoute = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["Session"],
  summary: "Who is signed in",
  security: AUTHENTICATED,
  responses: {
    200: { description: "The signed-in user.", content: json(userSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const issueTokenRoute = createRoute({
  method: "post",
  path: "/api/tokens",
  tags: ["Session"],
  summary: "Issue an API token (shown once); only with a session cookie, never with a token",
  security: AUTHENTICATED,
  request: { body: { required: true, content: json(tokenRequestSchema) } },
  responses: {
    201: { description: "The new token.", content: json(issuedTokenSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const listTokensRoute = createRoute({
  method: "get",
  path: "/api/tokens",
  tags: ["Session"],
  summary: "Your own API tokens, newest first, without their secrets",
  security: AUTHENTICATED,
  responses: {
    200: { description: "Your tokens.", content: json(tokenListSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const revokeTokenRoute = createRoute({
  method: "delete",
  path: "/api/tokens/{id}",
  tags: ["Session"],
  summary: "Revoke one of your own API tokens",
  security: AUTHENTICATED,
  request: { params: idParamSchema },
  responses: {
    204: { description: "Revoked." },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
