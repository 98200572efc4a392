import type { UnitOfWork } from "@tt/app";
import { createUnitOfWork, type DbHandle } from "@tt/db";
import { loadConfig, openConfiguredDb } from "@tt/server";

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
