import { serve } from "@hono/node-server";
import pino from "pino";
import { compose } from "./compose";
import type { Config } from "./config";
import { createHttpApp } from "./http/app";
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
}

/** Opens the configured database, migrates it, and serves the API and web app. */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  const { services, close } = await compose(config, {
    logPlanningFailure: (failure) => logger.error(failure, "day plan failed"),
  });
  // Jobs run in the process that started them: any still open were cut off by a restart.
  const interrupted = await services.unitOfWork.repositories.jobs.failInterrupted();
  if (interrupted > 0) logger.warn({ interrupted }, "marked jobs interrupted by a restart failed");
  await options.beforeListen?.(services);
  const app = withWebApp(createHttpApp(services, { logger }));
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

function listen(fetch: (request: Request) => Response | Promise<Response>, config: Config) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () =>
      resolve(server),
    );
    server.once("error", reject);
  });
}
