import { serve } from "@hono/node-server";
import { ABANDONED_IMPORT_MS, loggedError } from "@tt/app";
import pino from "pino";
import { compose } from "./compose";
import type { Config } from "./config";
import { createHttpApp } from "./http/app";
import { parseTrustedProxies } from "./http/middleware/client-address";
import type { ServerServices } from "./services";
import { withWebApp } from "./web-app";

export interface RunningServer {
  readonly url: string;
  readonly services: ServerServices;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Runs after migrations and before the port opens, e.g. to load the demo. */
  readonly beforeListen?: (services: ServerServices) => Promise<void>;
  /** PostgreSQL only: serve the API and leave the jobs to `tt worker` processes. */
  readonly noWorker?: boolean;
}

/** Opens the configured database, migrates it, and serves the API and web app. */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  if (options.noWorker && !config.databaseUrl)
    throw new Error(
      "--no-worker needs DATABASE_URL: on the embedded database the server runs the jobs",
    );
  const { services, close } = await compose(config, {
    // Never the error's message: a database error quotes its query's parameters.
    logPlanningFailure: (failure) =>
      logger.error({ ...failure, error: loggedError(failure.error) }, "job failed"),
    ...(options.noWorker ? { workerCapacity: 0 } : {}),
    dispatchMessages: logger,
  });
  if (services.driver === "pglite") {
    // On the embedded database jobs run in this process only: any still open were cut off by a
    // restart. (On PostgreSQL the workers' reaper hands such jobs on.)
    const interrupted = await services.unitOfWork.repositories.jobs.failInterrupted();
    if (interrupted > 0)
      logger.warn({ interrupted }, "marked jobs interrupted by a restart failed");
  }
  await discardAbandonedImports(services, logger);
  await options.beforeListen?.(services);
  const trustedProxies = parseTrustedProxies(config.trustedProxies);
  const app = withWebApp(createHttpApp(services, { logger, trustedProxies }));
  const server = await listen(app.fetch, config);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  return {
    url: `http://${host}:${port}/`,
    services,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
    },
  };
}

/**
 * Removes the hidden rows of imports that never ended (decision 0009). On the embedded database
 * only this process imports, so any import still open was cut off by a restart; on PostgreSQL other
 * processes may be importing now, so only imports older than a day go.
 */
async function discardAbandonedImports(services: ServerServices, logger: pino.Logger) {
  const before =
    services.driver === "pglite" ? new Date() : new Date(Date.now() - ABANDONED_IMPORT_MS);
  const removed = await services.unitOfWork.repositories.imports.discardEveryAbandoned(before);
  if (removed > 0) logger.warn({ removed }, "removed the rows of imports that never ended");
}

function listen(fetch: (request: Request) => Response | Promise<Response>, config: Config) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () =>
      resolve(server),
    );
    server.once("error", reject);
  });
}
