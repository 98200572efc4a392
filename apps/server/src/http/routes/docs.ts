import type { OpenAPIHono } from "@hono/zod-openapi";
import { SECURITY_SCHEMES } from "@tt/contract";
import type { HttpEnv } from "../context";
import { REFERENCE_CSP, REFERENCE_PAGE } from "../reference-page";

/** `GET /openapi.json`, generated from the route schemas, and the offline reference page. */
export function mountDocs(app: OpenAPIHono<HttpEnv>, version: string): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent("securitySchemes", name, scheme);
  }
  const config = {
    openapi: "3.1.0",
    info: {
      title: "Total Transport API",
      version,
      description:
        "Entitlement, planning and buying of publicly funded passenger transport. Authenticate " +
        "with the session cookie from POST /api/session (and send X-Requested-With on requests " +
        "that change data) or with `Authorization: Bearer tt_…`. Errors are " +
        "`{ code, message, details }`.",
    },
  };
  // Generated once, on first request, when every route has been mounted.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get("/openapi.json", (c) => {
    document ??= app.getOpenAPI31Document(config);
    return c.json(document);
  });
  app.get("/api/reference", (c) => {
    c.header("Content-Security-Policy", REFERENCE_CSP);
    return c.html(REFERENCE_PAGE);
  });
}
