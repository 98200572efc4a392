import { parseInput } from "@tt/app";
import { ORGANISATION_KINDS, type OrganisationKind, organisationInputSchema } from "@tt/domain";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";

const USAGE = `
Usage: tt organisation add NAME --kind KIND
       tt organisation list

Adds an organisation to the installation, or lists them with their ids.
  --kind  one of: ${ORGANISATION_KINDS.join(", ")}
Then add its first administrator with \`tt user add\`.
`;

export const organisationCommand: Command = {
  name: "organisation",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { kind: { type: "string" } });
    const [action, ...names] = positionals;
    if (action !== "add" && action !== "list") throw new UsageError('say "add" or "list"');
    const { services, close } = await openServices();
    try {
      const identity = services.unitOfWork.repositories.identity;
      if (action === "list") {
        for (const o of await identity.listOrganisations())
          console.log(`${o.id}  ${o.kind.padEnd(20)}  ${o.name}`);
        return EXIT.ok;
      }
      if (!ORGANISATION_KINDS.includes(values.kind as OrganisationKind)) {
        throw new UsageError(`--kind must be one of ${ORGANISATION_KINDS.join(", ")}`);
      }
      if (values.kind === "partnership") {
        throw new UsageError("add a partnership with `tt partnership add`, naming its members");
      }
      const input = parseInput(
        organisationInputSchema,
        { name: names.join(" "), kind: values.kind },
        "organisation",
      );
      const created = await identity.createOrganisation(input);
      console.log(`Added ${created.name} (${created.kind}): ${created.id}`);
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
