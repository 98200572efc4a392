import { availableParallelism } from "node:os";
import { compose, loadConfig } from "@tt/server";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { waitForSignal } from "./serve";

const USAGE = `
Usage: tt worker [--capacity N]

Runs day plans and integration analyses from the PostgreSQL job queue at DATABASE_URL, beside
\`tt serve\` (or \`tt serve --no-worker\`) processes on the same database, on this machine or
others. Organisations take turns; one job of an organisation runs at a time. When a worker dies,
another worker takes its job within about a second (up to 3 attempts). Stops on Ctrl+C or
SIGTERM once its running jobs have ended. Reads DATABASE_URL and TT_TRAVEL_TIMES.

Options:
  --capacity N   jobs at once (default: cores − 1, at least 1); each solves on its own thread
`;

export const workerCommand: Command = {
  name: "worker",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { capacity: { type: "string" } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const capacity = capacityOf(values.capacity);
    const config = loadConfig();
    if (!config.databaseUrl)
      throw new UsageError(
        "tt worker needs DATABASE_URL (PostgreSQL); on the embedded database `tt serve` runs the jobs itself",
      );
    const warn = (details: object, message: string) =>
      console.warn(`${message} ${JSON.stringify(details)}`);
    const { close } = await compose(config, {
      workerCapacity: capacity,
      dispatchMessages: { warn },
    });
    console.log(`Worker ${process.pid} is taking jobs from PostgreSQL, ${capacity} at once.`);
    await waitForSignal();
    console.log(`Worker ${process.pid} is stopping once its running jobs have ended.`);
    await close();
    return EXIT.ok;
  },
};

function capacityOf(given: string | undefined): number {
  if (given === undefined) return Math.max(1, availableParallelism() - 1);
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--capacity must be a whole number from 1 to 64, not "${given}"`);
  return n;
}
