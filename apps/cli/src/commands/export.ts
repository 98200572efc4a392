import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Command, EXIT } from "../command";
import { openServices } from "../database";
import { cliActor } from "./import";
import { parseRegisterKindArgs } from "./register-kind-args";

const USAGE = `
Usage: tt export <passengers|places|vehicles|trip-requests> [--out FILE] --organisation ID_OR_NAME [--as EMAIL]

Writes the organisation's rows as CSV with the same columns \`tt import\` reads, so an export
imports cleanly into an empty organisation. Exports of personal data are audited.
  --out           the file to write (default: standard output)
  --organisation  the organisation's id or name
  --as            the email of the user to act as (default: the organisation's first admin)
Exit codes: 0 written, 2 usage error, 1 other errors.
`;

export const exportCommand: Command = {
  name: "export",
  usage: USAGE,
  async run(argv) {
    const args = parseRegisterKindArgs(argv, { operands: [], out: true });
    const { services, close } = await openServices();
    try {
      const actor = await cliActor(services.unitOfWork, args.organisation, args.as, "cli export");
      const chunks = services.csv.exportCsv(actor, args.kind);
      if (args.out) {
        await pipeline(Readable.from(chunks), createWriteStream(args.out));
        process.stderr.write(`Wrote ${args.kindName} to ${args.out}.\n`);
      } else {
        for await (const chunk of chunks) {
          if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
        }
      }
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
