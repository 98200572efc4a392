/** Names of the security schemes the server registers in its OpenAPI document. */
export const SESSION_COOKIE = "tt_session";

export const SECURITY_SCHEMES = {
  session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
  bearer: { type: "http", scheme: "bearer", description: "An API token: `tt_…`." },
} as const;

/** Either a session cookie or an API token. */
export const AUTHENTICATED: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
