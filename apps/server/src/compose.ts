import {
  createCsvTransfer,
  type PlanningFailure,
  type SolveRunner,
  type TravelTimeProvider,
} from "@tt/app";
import { createDb, createPostgresJobQueue, type DbHandle } from "@tt/db";
import { createTravelTimeProvider } from "@tt/integrations";
import type { Config } from "./config";
import type { ExpiryWarningLog } from "./expiry-warnings";
import { startMessageDispatch } from "./messages";
import { buildServices, lazyTravelTimes, type ServerServices } from "./services";

/** The services wired on the configured database, and how to let that database go. */
export interface Composition {
  readonly services: ServerServices;
  close(): Promise<void>;
}

export interface ComposeOptions {
  /**
   * When the configured travel-time provider loads its files: "at-start" (the server: a bad file
   * stops it at once) or "on-first-use" (commands that may never plan).
   */
  readonly travelTimes?: "at-start" | "on-first-use";
  /** Where plans are solved; by default on worker threads. */
  readonly solveRunner?: SolveRunner;
  /** Where unexpected planning failures are logged (never to API clients). */
  readonly logPlanningFailure?: (failure: PlanningFailure) => void;
  /**
   * Jobs this process runs at once (default: cores − 1); 0 serves the API only, for PostgreSQL
   * with `tt worker` processes beside it. On the embedded database the server always runs them.
   */
  readonly workerCapacity?: number;
  /**
   * Send queued messages and expiry warnings from this process (the server and `tt worker`; not
   * one-off commands).
   */
  readonly dispatchMessages?: ExpiryWarningLog;
}

/**
 * The one composition root, for the server and every `tt` command: the configured database
 * (PGlite in TT_DATA_DIR, or PostgreSQL at DATABASE_URL, migrated), the configured travel times
 * (TT_TRAVEL_TIMES) and the services built on them.
 */
export async function compose(config: Config, options: ComposeOptions = {}): Promise<Composition> {
  const travelTimes =
    options.travelTimes === "on-first-use"
      ? lazyTravelTimes(config.travelTimes)
      : await configuredTravelTimes(config);
  const handle = await openConfiguredDb(config);
  const queue = handle.url ? createPostgresJobQueue({ url: handle.url }) : undefined;
  const services = buildServices(handle, {
    csv: createCsvTransfer,
    ...(queue ? { queue } : {}),
    ...(options.workerCapacity === undefined ? {} : { workerCapacity: options.workerCapacity }),
    secureCookies: config.secureCookies,
    travelTimes,
    ...(options.solveRunner ? { solveRunner: options.solveRunner } : {}),
    ...(options.logPlanningFailure ? { logPlanningFailure: options.logPlanningFailure } : {}),
  });
  const stopDispatch =
    options.dispatchMessages &&
    startMessageDispatch(config.notifications, services.unitOfWork, options.dispatchMessages);
  return {
    services,
    close: async () => {
      await stopDispatch?.();
      await services.jobs.stop();
      await handle.close();
    },
  };
}

/** The travel-time provider `TT_TRAVEL_TIMES` names, with its files loaded. */
export function configuredTravelTimes(
  config: Pick<Config, "travelTimes">,
): Promise<TravelTimeProvider> {
  return createTravelTimeProvider(config.travelTimes);
}

/**
 * Opens the configured database and migrates it. The embedded database runs on its own thread
 * (decision 0008), so a long import, export or plan never stops this thread answering requests.
 */
export async function openConfiguredDb(config: Config): Promise<DbHandle> {
  const handle = config.databaseUrl
    ? await createDb({ driver: "postgres", url: config.databaseUrl })
    : await createDb({ driver: "pglite", dataDir: config.dataDir, offThread: true });
  await handle.migrate();
  return handle;
}
