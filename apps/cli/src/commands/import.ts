import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { type Actor, AppError, type UnitOfWork } from "@tt/app";
import { type Command, EXIT, UsageError } from "../command";
import { openServices } from "../database";
import { parseRegisterKindArgs } from "./register-kind-args";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findOrganisationId(
  unitOfWork: UnitOfWork,
  idOrName: string,
): Promise<string> {
  const identity = unitOfWork.repositories.identity;
  if (UUID.test(idOrName)) {
    const found = await identity.findOrganisation(idOrName);
    if (found) return found.id;
  }
  const wanted = idOrName.trim().toLowerCase();
  const named = (await identity.listOrganisations()).filter((o) => o.name.toLowerCase() === wanted);
  if (named.length === 1 && named[0]) return named[0].id;
  if (named.length > 1) {
    throw new AppError(
      "conflict",
      `${named.length} organisations are named "${idOrName}"; give its id`,
    );
  }
  throw new AppError("not-found", `No organisation with id or name "${idOrName}".`);
}

/**
 * Who the command acts as: the user named by `--as`, or else the organisation's first admin.
 * The purpose is recorded in the audit log.
 */
export async function cliActor(
  unitOfWork: UnitOfWork,
  organisation: string,
  email: string | undefined,
  purpose: string,
): Promise<Actor> {
  const organisationId = await findOrganisationId(unitOfWork, organisation);
  const identity = unitOfWork.repositories.identity;
  const user = email
    ? await identity.findUserByEmail(email)
    : (await identity.listUsers(organisationId)).find((u) => u.role === "admin" && !u.disabled);
  if (!user || user.organisationId !== organisationId || user.disabled) {
    const who = email ? `active user ${email}` : "active admin user";
    throw new AppError("not-found", `The organisation has no ${who}.`);
  }
  return { userId: user.id, organisationId, role: user.role, purpose };
}

const USAGE = `
Usage: tt import <passengers|places|vehicles|trip-requests> FILE --organisation ID_OR_NAME [--as EMAIL]

Loads a CSV file into the organisation's register, all or nothing: if any row has a problem,
nothing is stored and every problem is listed as "row N, column: reason" (the header is row 1).
  --organisation  the organisation's id or name
  --as            the email of the user to act as (default: the organisation's first admin)
Column formats: docs/guides/csv-formats.md. Examples: data/examples/.
Exit codes: 0 imported, 2 usage error, 3 the file has problems (nothing stored), 1 other errors.
`;

export const importCommand: Command = {
  name: "import",
  usage: USAGE,
  async run(argv) {
    const args = parseRegisterKindArgs(argv, { operands: ["name the CSV FILE to import"] });
    const file = args.operands[0]!;
    await access(file).catch(() => {
      throw new UsageError(`cannot read ${file}`);
    });
    const { services, close } = await openServices();
    try {
      const actor = await cliActor(services.unitOfWork, args.organisation, args.as, "cli import");
      const csv = services.csv;
      const report = await csv.importCsv(actor, args.kind, createReadStream(file));
      process.stdout.write(
        `Imported ${report.created} ${args.kindName?.replace("-", " ")} from ${file}.\n`,
      );
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
