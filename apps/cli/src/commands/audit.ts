import type { Organisation, UnitOfWork } from "@tt/app";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { findOrganisationId } from "./import";

const USAGE = `
Usage: tt audit verify [--organisation ID_OR_NAME]

Checks each organisation's audit log (every organisation, or the one named): every entry's hash
must be the hash of its fields and of the entry before it, so that an entry changed, removed or
inserted afterwards shows. Prints one line per organisation and, for a broken chain, the id of
the first entry that does not match.
  --organisation  the organisation's id or name (default: every organisation)
Exit codes: 0 every chain intact, 1 a chain is broken (or another error), 2 usage error.
`;

export const auditCommand: Command = {
  name: "audit",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { organisation: { type: "string" } });
    const [action, ...rest] = positionals;
    if (action !== "verify") throw new UsageError('say "verify"');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const { services, close } = await openServices();
    try {
      const { identity, audit } = services.unitOfWork.repositories;
      const organisations = values.organisation
        ? await named(services.unitOfWork, values.organisation)
        : await identity.listOrganisations();
      let broken = 0;
      for (const organisation of organisations) {
        const firstBroken = await audit.verify(organisation.id);
        if (firstBroken !== undefined) broken += 1;
        console.log(describe(organisation, firstBroken));
      }
      if (organisations.length === 0) console.log("No organisations yet: nothing to check.");
      return broken === 0 ? EXIT.ok : EXIT.failure;
    } finally {
      await close();
    }
  },
};

/** The organisation given by id or name (a usage error names it when there is none). */
async function named(unitOfWork: UnitOfWork, idOrName: string): Promise<Organisation[]> {
  const id = await findOrganisationId(unitOfWork, idOrName);
  const found = await unitOfWork.repositories.identity.findOrganisation(id);
  return found ? [found] : [];
}

function describe(organisation: Organisation, firstBroken: number | undefined): string {
  const who = `${organisation.name} (${organisation.id})`;
  return firstBroken === undefined
    ? `intact  ${who}`
    : `BROKEN  ${who}: entry ${firstBroken} does not match its hash or the entry before it`;
}
