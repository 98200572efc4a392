import { readFile } from "node:fs/promises";
import { AppError, choosePolicies, londonDate } from "@tt/app";
import {
  assessResolved,
  type DomainIssue,
  type EntitlementCase,
  type EntitlementDecision,
  isIsoDate,
  parseEntitlementCase,
  resolvePolicy,
} from "@tt/domain";
import { type Command, EXIT, parseFlags, UsageError } from "../command";

const USAGE = `
Usage: tt assess FILE.json [--on YYYY-MM-DD] [--policy ID] [--local-policy ID]

Decides entitlement for the case in FILE (one case, or an array of cases) and prints the
decision(s) as JSON on stdout, in the order of the file. Offline: nothing is stored.
  --on            the assessment date (default today in England); review and appeal dates are
                  counted in working days from it
  --policy        the statutory policy id (default the one in force on that date)
  --local-policy  a local policy layered over it, e.g. example-council
Each case names its "regime": home-to-school, post-16, adult-social-care, nepts,
concessionary-travel or community-transport (docs/entitlement.md).
Exit 3, listing every problem by case and field, when any case is invalid.
`;

/** Parses every case, listing every problem as `cases[i].field` (or `case.field` for one). */
function parseCases(document: unknown): EntitlementCase[] {
  const list = Array.isArray(document) ? document : [document];
  const issues: DomainIssue[] = [];
  const cases: EntitlementCase[] = [];
  list.forEach((item, index) => {
    const where = Array.isArray(document) ? `cases[${index}]` : "case";
    const parsed = parseEntitlementCase(item);
    if (parsed.ok) cases.push(parsed.value);
    else issues.push(...parsed.issues.map((i) => ({ ...i, path: `${where}.${i.path}` })));
  });
  if (issues.length > 0)
    throw new AppError("validation-failed", "Some cases are not valid.", issues);
  return cases;
}

/** A JSON file read and parsed; a file that cannot be read is a usage error, bad JSON invalid input. */
export async function readDocument(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("validation-failed", `${file} is not JSON.`, [
      { path: "file", message: (error as Error).message },
    ]);
  }
}

const FLAGS: Record<string, string> = {
  policyId: "--policy",
  localPolicyId: "--local-policy",
  assessedOn: "--on",
};

/** The policies named by the flags; problems name the flag. */
function choosePoliciesForFlags(
  policyId: string | undefined,
  localPolicyId: string | undefined,
  on: string,
) {
  try {
    return choosePolicies(
      { ...(policyId ? { policyId } : {}), ...(localPolicyId ? { localPolicyId } : {}) },
      on,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details.map((d) => ({ ...d, path: FLAGS[d.path] ?? d.path }));
    throw new AppError(error.code, error.message, details);
  }
}

function decideAll(
  cases: EntitlementCase[],
  on: string,
  policyId?: string,
  localPolicyId?: string,
): EntitlementDecision[] {
  const { policy, localPolicy } = choosePoliciesForFlags(policyId, localPolicyId, on);
  const resolved = resolvePolicy(policy, localPolicy);
  try {
    return cases.map((c) => assessResolved(c, resolved, on));
  } catch (error) {
    throw new AppError("validation-failed", "The cases cannot be decided on that date.", [
      { path: "--on", message: (error as Error).message },
    ]);
  }
}

export const assessCommand: Command = {
  name: "assess",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      on: { type: "string" },
      policy: { type: "string" },
      "local-policy": { type: "string" },
    });
    const file = positionals[0];
    if (!file) throw new UsageError("name the case FILE.json to assess");
    const on = values.on ?? londonDate(new Date());
    if (!isIsoDate(on)) throw new UsageError(`--on must be a date YYYY-MM-DD, not "${on}"`);
    const document = await readDocument(file);
    const decisions = decideAll(parseCases(document), on, values.policy, values["local-policy"]);
    const output = Array.isArray(document) ? decisions : decisions[0];
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT.ok;
  },
};
