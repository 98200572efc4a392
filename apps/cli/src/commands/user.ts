import { createInterface } from "node:readline";
import { ROLES, type Role } from "@tt/domain";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { findOrganisationId } from "./import";

const USAGE = `
Usage: tt user add EMAIL --organisation ID_OR_NAME --role ROLE --name "Full Name" [--password-stdin]
       tt user list --organisation ID_OR_NAME

Adds a local account. The password (at least 12 characters) is read from the first line of
standard input with --password-stdin, otherwise from the TT_PASSWORD environment variable; it is
never accepted as a command-line argument, where other users of the machine could see it.
  --role  one of: ${ROLES.join(", ")}
`;

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (!fromStdin) {
    const password = process.env.TT_PASSWORD;
    if (!password) throw new UsageError("give the password with --password-stdin or TT_PASSWORD");
    return password;
  }
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new UsageError("standard input was empty: no password given");
}

export const userCommand: Command = {
  name: "user",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      organisation: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
    });
    const [action, email] = positionals;
    if (action !== "add" && action !== "list") throw new UsageError('say "add" or "list"');
    if (!values.organisation) throw new UsageError("--organisation is required");
    if (action === "add" && (!email || !values.name || !ROLES.includes(values.role as Role))) {
      throw new UsageError(`give EMAIL, --name and --role (one of ${ROLES.join(", ")})`);
    }
    const password = action === "add" ? await readPassword(values["password-stdin"]) : "";
    const { services, close } = await openServices();
    try {
      const organisationId = await findOrganisationId(services.unitOfWork, values.organisation);
      if (action === "list") {
        const users = await services.unitOfWork.repositories.identity.listUsers(organisationId);
        for (const u of users)
          console.log(
            `${u.email.padEnd(40)}  ${u.role.padEnd(14)}  ${u.disabled ? "disabled" : "active"}`,
          );
        return EXIT.ok;
      }
      const auth = services.auth;
      const user = await auth.createUser({
        organisationId,
        email: email ?? "",
        displayName: values.name ?? "",
        role: values.role as Role,
        password,
      });
      console.log(`Added ${user.email} (${user.role}).`);
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
