import { loadConfig, startServer } from "@tt/server";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import type { DemoRequest } from "./demo-exposure";
import { prepareDemo } from "./serve-demo";

const USAGE = `
Usage: tt serve [--demo-if-local | --demo] [--port N] [--no-worker]

Serves the API and the web app. Reads PORT (default 3000), TT_HOST (default 127.0.0.1),
TT_DATA_DIR (the embedded database's folder), DATABASE_URL (PostgreSQL instead) and
TT_TRAVEL_TIMES (geometric, matrix:<file> or osrm:<url>; default geometric).

Options:
  --demo-if-local  load the Cambridgeshire & Peterborough demo first (if not loaded yet) when
                   serving the embedded database on this machine only (TT_HOST 127.0.0.1,
                   localhost or ::1); otherwise say how to load it (npm start uses this)
  --demo           load the demo in any case; on a network host or PostgreSQL it prints a
                   warning: the demo's accounts share one password
  --port N         listen on port N (overrides PORT; 0 picks a free port)
  --no-worker      PostgreSQL only: serve the API and leave day plans and analyses to
                   \`tt worker\` processes on the same database
`;

export const serveCommand: Command = {
  name: "serve",
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, {
      demo: { type: "boolean" },
      "demo-if-local": { type: "boolean" },
      port: { type: "string" },
      "no-worker": { type: "boolean" },
    });
    if (values.demo && values["demo-if-local"])
      throw new UsageError("give --demo or --demo-if-local, not both");
    const demo: DemoRequest | undefined = values.demo
      ? "always"
      : values["demo-if-local"]
        ? "if-local"
        : undefined;
    const config = loadConfig(
      values.port === undefined ? process.env : { ...process.env, PORT: values.port },
    );
    const started = Date.now();
    if (values["no-worker"] && !config.databaseUrl)
      throw new UsageError("--no-worker needs DATABASE_URL (PostgreSQL)");
    const server = await startServer(config, {
      ...(values["no-worker"] ? { noWorker: true } : {}),
      beforeListen: (services) => prepareDemo(services, config, demo, (m) => console.log(m)),
    });
    console.log(
      `Total Transport is running on ${config.databaseUrl ? "PostgreSQL" : `the embedded database (${config.dataDir})`}.`,
    );
    console.log(
      `Open ${server.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s). Press Ctrl+C to stop.`,
    );
    await waitForSignal();
    await server.close();
    return EXIT.ok;
  },
};

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
