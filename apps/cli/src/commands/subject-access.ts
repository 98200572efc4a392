import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type Organisation,
  type SubjectAccessExport,
  subjectAccessHtml,
  type UnitOfWork,
} from "@tt/app";
import type { Passenger } from "@tt/domain";
import { isIsoDate } from "@tt/domain";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { cliActor } from "./import";

const USAGE = `
Usage: tt subject-access --family-name NAME --given-name NAME [--date-of-birth YYYY-MM-DD]
                         [--out DIR]

A subject access request across every organisation of this installation: finds the person's
record in each (same family and given names, ignoring case, and date of birth when given),
and writes each organisation's export (everything it holds, and who has seen it) as JSON and as
a readable page to DIR (default: subject-access/), with an index. Each export is audited in its
organisation's log, in the name of that organisation's first administrator.
  --family-name    the person's family name
  --given-name     their given name (both names are needed, so that only the person is exported)
  --date-of-birth  their date of birth
  --out            where the files go
Exit codes: 0 written (or no record found, which it says), 2 usage error, 1 other errors.
`;

interface Wanted {
  readonly familyName: string;
  readonly givenName: string;
  readonly dateOfBirth?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function matches(passenger: Passenger, wanted: Wanted): boolean {
  if (!same(passenger.familyName, wanted.familyName)) return false;
  if (!same(passenger.givenName, wanted.givenName)) return false;
  return wanted.dateOfBirth === undefined || passenger.dateOfBirth === wanted.dateOfBirth;
}

function parseWanted(argv: string[]): { wanted: Wanted; out: string } {
  const { values, positionals } = parseFlags(argv, {
    "family-name": { type: "string" },
    "given-name": { type: "string" },
    "date-of-birth": { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const familyName = values["family-name"]?.trim();
  if (!familyName) throw new UsageError("--family-name is required");
  const dateOfBirth = values["date-of-birth"];
  if (dateOfBirth !== undefined && !isIsoDate(dateOfBirth))
    throw new UsageError("--date-of-birth must be a date, YYYY-MM-DD");
  const givenName = values["given-name"]?.trim();
  if (!givenName) throw new UsageError("--given-name is required");
  return {
    wanted: {
      familyName,
      givenName,
      ...(dateOfBirth ? { dateOfBirth } : {}),
    },
    out: values.out ?? "subject-access",
  };
}

/** A file name that says whose record it is without the person's name. */
const fileOf = (organisation: Organisation, data: SubjectAccessExport) =>
  `${organisation.name.replaceAll(/[^A-Za-z0-9]+/g, "-")}-${data.passenger.reference.replaceAll(/[^A-Za-z0-9]+/g, "-")}`;

/** Rows read per page while searching an organisation's register. */
const SEARCH_PAGE = 500;

/** Every passenger of the organisation whose names or reference contain the text. */
async function searchEvery(uow: UnitOfWork, organisationId: string, search: string) {
  const found: Passenger[] = [];
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const page = await uow.repositories.passengers.list(organisationId, {
      offset,
      limit: SEARCH_PAGE,
      search,
    });
    found.push(...page.items);
    if (page.items.length < SEARCH_PAGE) return found;
  }
}

export const subjectAccessCommand: Command = {
  name: "subject-access",
  usage: USAGE,
  async run(argv) {
    const { wanted, out } = parseWanted(argv);
    const { services, close } = await openServices();
    try {
      const uow = services.unitOfWork;
      const written: string[] = [];
      for (const organisation of await uow.repositories.identity.listOrganisations()) {
        const records = (await searchEvery(uow, organisation.id, wanted.familyName)).filter((p) =>
          matches(p, wanted),
        );
        if (records.length === 0) continue;
        const purpose = "subject access request across the installation (tt subject-access)";
        const actor = await cliActor(uow, organisation.id, undefined, purpose);
        await mkdir(out, { recursive: true });
        for (const record of records) {
          const data = await services.subjectRights.export(actor, record.id);
          const file = fileOf(organisation, data);
          await writeFile(join(out, `${file}.json`), `${JSON.stringify(data, null, 2)}\n`);
          await writeFile(join(out, `${file}.html`), subjectAccessHtml(data));
          written.push(`${organisation.name}: ${data.passenger.reference} (${file}.json, .html)`);
        }
      }
      if (written.length === 0) {
        console.log("No organisation holds a record of that person.");
        return EXIT.ok;
      }
      await writeFile(join(out, "index.txt"), `${written.join("\n")}\n`);
      console.log(`Records found and exported to ${out}:\n${written.join("\n")}`);
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
