import { loadConfig, startServer } from "@tt/server";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { publishDemoDay } from "./demo-day";
import type { DemoRequest } from "./demo-exposure";
import { prepareDemo } from "./serve-demo";

const USAGE = `
Usage: tt serve [--demo-if-local | --demo] [--demo-day-seconds N] [--port N] [--no-worker]

Serves the API and the web app. Reads PORT (default 3000), TT_HOST (default 127.0.0.1),
TT_DATA_DIR (the embedded database's folder), DATABASE_URL (PostgreSQL instead) and
TT_TRAVEL_TIMES (geometric, matrix:<file> or osrm:<url>; default geometric).

Options:
  --demo-if-local  load the Cambridgeshire & Peterborough demo first (if not loaded yet) when
                   serving the embedded database on this machine only (TT_HOST 127.0.0.1,
                   localhost or ::1); otherwise say how to load it (npm start uses this)
  --demo           load the demo in any case; on a network host or PostgreSQL it prints a
                   warning: the demo's accounts share one password
  --demo-day-seconds N
                   once the demo is loaded, plan Cambridgeshire's demo day (2026-11-24) for N
                   seconds in the background and publish it as the day's operating plan, unless
                   one is published already (default 30 with --demo-if-local, 0 = never)
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
      "demo-day-seconds": { type: "string" },
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
    const daySeconds = demoDaySeconds(values["demo-day-seconds"], demo);
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
    if (demo && daySeconds > 0) {
      void publishDemoDay(server.services, { seconds: daySeconds, log: (m) => console.log(m) });
    }
    await waitForSignal();
    await server.close();
    return EXIT.ok;
  },
};

/** Seconds to plan the demo day for: the flag's, or 30 for `npm start`'s `--demo-if-local`. */
function demoDaySeconds(flag: string | undefined, demo: DemoRequest | undefined): number {
  if (flag === undefined) return demo === "if-local" ? 30 : 0;
  const seconds = Number(flag);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 600) {
    throw new UsageError("--demo-day-seconds: a whole number of seconds from 0 to 600");
  }
  return seconds;
}

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
