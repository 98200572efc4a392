import type { CsvKind } from "@tt/app";
import { parseFlags, UsageError } from "../command";

/** The kinds as typed on the command line. */
export const CLI_KINDS: Readonly<Record<string, CsvKind>> = {
  passengers: "passengers",
  places: "places",
  vehicles: "vehicles",
  "trip-requests": "tripRequests",
};

export function parseKind(text: string | undefined): CsvKind {
  const kind = text === undefined ? undefined : CLI_KINDS[text];
  if (!kind) throw new UsageError(`name what to transfer: ${Object.keys(CLI_KINDS).join(", ")}`);
  return kind;
}

/**
 * The arguments `tt import` and `tt export` share: KIND, then the command's own operands (one
 * usage message per required operand, in order), then `--organisation ID_OR_NAME` (required)
 * and `--as EMAIL`; `--out FILE` is accepted only when `out` is set.
 */
export function parseRegisterKindArgs(
  argv: string[],
  options: { operands: readonly string[]; out?: boolean },
) {
  const common = { organisation: { type: "string" }, as: { type: "string" } } as const;
  const { values, positionals } = options.out
    ? parseFlags(argv, { out: { type: "string" }, ...common })
    : parseFlags(argv, common);
  const kind = parseKind(positionals[0]);
  const operands = positionals.slice(1);
  options.operands.forEach((message, index) => {
    if (!operands[index]) throw new UsageError(message);
  });
  if (operands.length > options.operands.length) {
    throw new UsageError(`unexpected argument "${operands[options.operands.length]}"`);
  }
  if (!values.organisation) throw new UsageError("give --organisation ID_OR_NAME");
  const out = "out" in values && typeof values.out === "string" ? values.out : undefined;
  return {
    kind,
    kindName: positionals[0],
    operands,
    organisation: values.organisation,
    as: values.as,
    out,
  };
}
