import type { Config, ServerServices } from "@tt/server";
import { ensureDemo } from "./demo";
import { type DemoRequest, decideDemo } from "./demo-exposure";

/** Loads the demo before the server opens its port, if `request` and the configuration allow. */
export async function prepareDemo(
  services: Pick<ServerServices, "unitOfWork">,
  config: Pick<Config, "host" | "databaseUrl">,
  request: DemoRequest | undefined,
  log: (message: string) => void,
): Promise<void> {
  const { load, lines } = decideDemo(config, request);
  for (const line of lines) log(line);
  if (load) await ensureDemo(services.unitOfWork, { log });
}
