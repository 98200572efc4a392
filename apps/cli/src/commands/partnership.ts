import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { findOrganisationId } from "./import";

const USAGE = `
Usage: tt partnership add NAME --member ORG --member ORG [--member ORG…] [--mixing-policy VERSION]

Adds a partnership: a joint body (an organisation of kind partnership) whose members are the
organisations named (ids or names; at least two). Its users reach the members' data only through
data-sharing agreements the members approve. Add its users with \`tt user add\`.
  --mixing-policy  the version of the mixing policy its plans and analyses apply (default: the
                   current one)
`;

export const partnershipCommand: Command = {
  name: "partnership",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      member: { type: "string", multiple: true },
      "mixing-policy": { type: "string" },
    });
    const [action, ...names] = positionals;
    if (action !== "add") throw new UsageError('say "add"');
    if (names.length === 0) throw new UsageError("give the partnership's NAME");
    const { services, close } = await openServices();
    try {
      const members: string[] = [];
      for (const member of values.member ?? []) {
        members.push(await findOrganisationId(services.unitOfWork, member));
      }
      const policy = values["mixing-policy"];
      const created = await services.partnerships.create({
        name: names.join(" "),
        members,
        ...(policy === undefined ? {} : { mixingPolicy: policy }),
      });
      console.log(`Added ${created.name} (partnership): ${created.organisationId}`);
      for (const m of created.members) console.log(`  member: ${m.name}`);
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
