import { loadConfig, startServer } from "@tt/server";
import { type Command, EXIT, parseFlags } from "../command";
import { ensureDemo } from "./demo";

const USAGE = `
Usage: tt serve [--demo] [--port N]

Serves the API and the web app. Reads PORT (default 3000), TT_HOST (default 127.0.0.1),
TT_DATA_DIR (the embedded database's folder) and DATABASE_URL (PostgreSQL instead).

Options:
  --demo      load the Cambridgeshire & Peterborough demo first, if it is not loaded yet
  --port N    listen on port N (overrides PORT; 0 picks a free port)
`;

export const serveCommand: Command = {
  name: "serve",
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, { demo: { type: "boolean" }, port: { type: "string" } });
    const config = loadConfig(
      values.port === undefined ? process.env : { ...process.env, PORT: values.port },
    );
    const started = Date.now();
    const server = await startServer(config, {
      beforeListen: values.demo
        ? (services) => ensureDemo(services.unitOfWork, { log: (m) => console.log(m) })
        : undefined,
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

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
