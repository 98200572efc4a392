import { createInterface } from "node:readline";
import type { UnitOfWorkOf } from "@tt/app";
import { ROLES, type Role } from "@tt/domain";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { findOrganisationId } from "./import";

const USAGE = `
Usage: tt user add EMAIL --organisation ID_OR_NAME --role ROLE --name "Full Name" [--password-stdin]
                   [--staff REFERENCE] [--operator NAME]
       tt user list --organisation ID_OR_NAME

Adds a local account. The password (at least 12 characters) is read from the first line of
standard input with --password-stdin, otherwise from the TT_PASSWORD environment variable; it is
never accepted as a command-line argument, where other users of the machine could see it.
  --role      one of: ${ROLES.join(", ")}
  --staff     a driver's own staff record (by reference): they see only the runs it crews
  --operator  a fleet manager's operator record (by name): they see only runs on its vehicles
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

/** The staff and operator records `--staff` and `--operator` name, by id. */
async function findLinks(
  unitOfWork: UnitOfWorkOf<"staff" | "operators">,
  organisationId: string,
  values: { staff?: string | undefined; operator?: string | undefined },
): Promise<{ staffId?: string; operatorId?: string }> {
  const repos = unitOfWork.repositories;
  const links: { staffId?: string; operatorId?: string } = {};
  if (values.staff !== undefined) {
    const found = await repos.staff.findByReference(organisationId, values.staff);
    if (!found) throw new UsageError(`no staff member with reference ${values.staff}`);
    links.staffId = found.id;
  }
  if (values.operator !== undefined) {
    const [found] = await repos.operators.findByNames(organisationId, [values.operator]);
    if (!found) throw new UsageError(`no operator named ${values.operator}`);
    links.operatorId = found.id;
  }
  return links;
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
      staff: { type: "string" },
      operator: { type: "string" },
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
      const links = await findLinks(services.unitOfWork, organisationId, values);
      const user = await services.auth.createUser({
        organisationId,
        email: email ?? "",
        displayName: values.name ?? "",
        role: values.role as Role,
        password,
        ...links,
      });
      console.log(`Added ${user.email} (${user.role}).`);
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
