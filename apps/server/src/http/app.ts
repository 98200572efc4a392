import { OpenAPIHono } from "@hono/zod-openapi";
import { loggedError } from "@tt/app";
import { errorBody } from "@tt/contract";
import { secureHeaders } from "hono/secure-headers";
import { type Logger, pino } from "pino";
import packageJson from "../../package.json";
import type { ServerServices } from "../services";
import type { HttpEnv } from "./context";
import { errorResponse, toErrorBody, validationHook } from "./errors";
import { authenticate } from "./middleware/authenticate";
import { type BodyLimits, DEFAULT_BODY_LIMITS, limitBodies } from "./middleware/body-limits";
import { NO_TRUSTED_PROXIES, type TrustedProxies } from "./middleware/client-address";
import { rejectControlCharacters } from "./middleware/control-characters";
import { requireCsrfHeader } from "./middleware/csrf";
import { logRequests } from "./middleware/request-log";
import { apiResponseHeaders } from "./middleware/response-headers";
import { checkRouteAccess } from "./middleware/route-access";
import { mountAnalysisRoutes } from "./routes/analyses";
import { mountAuditRoute } from "./routes/audit";
import { mountBookingRoutes } from "./routes/bookings";
import { mountCommissionRoutes } from "./routes/commissions";
import { mountCompetitionRoutes } from "./routes/competitions";
import { mountComplianceRoutes } from "./routes/compliance";
import { mountContractRoutes } from "./routes/contracts";
import { mountCrewRoutes } from "./routes/crew";
import { mountCsvRoutes } from "./routes/csv";
import { mountDelegationRoutes } from "./routes/delegations";
import { mountDocs } from "./routes/docs";
import { mountDpsRoutes } from "./routes/dps";
import { mountEntitlementRoutes } from "./routes/entitlement";
import { mountGrantRoutes } from "./routes/grants";
import { mountHealthRoute } from "./routes/health";
import { mountJobRoutes } from "./routes/jobs";
import { mountNotificationRoutes } from "./routes/notifications";
import { mountOperationsRoutes } from "./routes/operations";
import { mountOrganisationRoute } from "./routes/organisation";
import { mountPartnerDeskRoutes, requirePartnerAgreement } from "./routes/partner-desk";
import { mountPlanOverrideRoutes } from "./routes/plan-overrides";
import { mountPlanRevisionRoutes } from "./routes/plan-revisions";
import { mountPlanRoutes } from "./routes/plans";
import { mountRegisterRoutes } from "./routes/register";
import { mountSessionRoutes } from "./routes/session";
import { mountSharingRoutes } from "./routes/sharing";
import { mountSubjectRightsRoutes } from "./routes/subject-rights";
import { mountTapRoutes } from "./routes/taps";

export interface HttpAppOptions {
  /** Where request lines and server errors go (default: pino to stdout at `info`). */
  readonly logger?: Logger;
  /** Reported by /api/health and the OpenAPI document (default: the server package's). */
  readonly version?: string;
  readonly bodyLimits?: BodyLimits;
  /**
   * Which proxies to believe about the client's address (`X-Forwarded-For`); none by default.
   * Build it from `TT_TRUSTED_PROXIES` with `parseTrustedProxies`.
   */
  readonly trustedProxies?: TrustedProxies;
}

/** The HTTP API: thin routes over the use cases in `services`, described by the contract. */
export function createHttpApp(
  services: ServerServices,
  options: HttpAppOptions = {},
): OpenAPIHono<HttpEnv> {
  const logger = options.logger ?? pino();
  const version = options.version ?? packageJson.version;
  const app = new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });

  app.use("*", logRequests(logger));
  app.use("*", apiResponseHeaders());
  app.use("*", secureHeaders({ contentSecurityPolicy: undefined }));
  app.use("/api/*", limitBodies(options.bodyLimits ?? DEFAULT_BODY_LIMITS));
  app.use("/api/*", requireCsrfHeader());
  app.use("/api/*", authenticate(services.auth));
  // Role checks, the partner desk's agreement, then control characters: all before any route
  // validates its input.
  checkRouteAccess(app);
  requirePartnerAgreement(app, services);
  app.use("/api/*", rejectControlCharacters());

  mountHealthRoute(app, services, version);
  mountSessionRoutes(app, services, options.trustedProxies ?? NO_TRUSTED_PROXIES);
  mountOrganisationRoute(app, services);
  mountCsvRoutes(app, services);
  mountRegisterRoutes(app, services);
  mountAuditRoute(app, services);
  mountPlanRoutes(app, services);
  mountJobRoutes(app, services);
  mountPlanOverrideRoutes(app, services);
  mountBookingRoutes(app, services);
  mountPartnerDeskRoutes(app, services);
  mountOperationsRoutes(app, services);
  mountTapRoutes(app, services);
  mountNotificationRoutes(app, services);
  mountPlanRevisionRoutes(app, services);
  mountCrewRoutes(app, services);
  mountAnalysisRoutes(app, services);
  mountEntitlementRoutes(app, services);
  mountSharingRoutes(app, services);
  mountSubjectRightsRoutes(app, services);
  mountGrantRoutes(app, services);
  mountComplianceRoutes(app, services);
  mountDpsRoutes(app, services);
  mountContractRoutes(app, services);
  mountDelegationRoutes(app, services);
  mountCompetitionRoutes(app, services);
  mountCommissionRoutes(app, services);
  mountDocs(app, version);

  app.notFound((c) =>
    errorResponse(c, errorBody("not-found", `Nothing at ${c.req.method} ${c.req.path}.`)),
  );
  app.onError((error, c) => {
    const body = toErrorBody(error);
    if (body.code === "internal") {
      // Never the message, the body or the query: they can hold names and coordinates.
      logger.error(
        { err: loggedError(error), method: c.req.method, path: c.req.path },
        "unhandled error",
      );
    }
    return errorResponse(c, body);
  });
  return app;
}
