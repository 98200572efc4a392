import { type ParseArgsConfig, parseArgs } from "node:util";

/** One `tt` sub-command. `run` returns the process exit code. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * What `tt --help` lists, and how to load the command itself: a command's module (and the
 * packages it needs) is loaded only when that command runs, so `tt --help` starts fast.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, invalidInput: 3, unavailable: 4 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Parses flags strictly; unknown flags are usage errors naming the flag. */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
