import { type ParseArgsConfig, parseArgs } from "node:util";
import type { UnitOfWork } from "@tt/app";
import { createUnitOfWork, type DbHandle } from "@tt/db";
import { loadConfig, openConfiguredDb } from "@tt/server";

/** One `tt` sub-command. `run` returns the process exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: string[]): Promise<number>;
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

export interface OpenDatabase {
  readonly handle: DbHandle;
  readonly unitOfWork: UnitOfWork;
  close(): Promise<void>;
}

/** The configured database (PGlite in TT_DATA_DIR, or PostgreSQL at DATABASE_URL), migrated. */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase> {
  const handle = await openConfiguredDb(loadConfig(env));
  return { handle, unitOfWork: createUnitOfWork(handle.db), close: () => handle.close() };
}
