import { AppError } from "@tt/app";

interface PgErrorLike {
  code?: string;
  detail?: string;
  constraint?: string;
  cause?: unknown;
}

function findPgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code))
      return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** True for a unique-constraint violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return findPgError(error)?.code === "23505";
}

/** Turns constraint violations into conflicts a person can act on; rethrows anything else. */
export function translatePgError(error: unknown, resource: string): never {
  const pgError = findPgError(error);
  if (pgError?.code === "23505") {
    throw new AppError("conflict", `A ${resource} with this reference already exists.`, [
      { path: "reference", message: `already used by another ${resource} in your organisation` },
    ]);
  }
  if (pgError?.code === "23503") {
    throw new AppError(
      "conflict",
      `This ${resource} is still used by other records (or refers to one that does not exist); remove those links first.`,
      [{ path: linkedTable(pgError.constraint), message: "linked records prevent this change" }],
    );
  }
  throw error;
}

/** The table a foreign-key constraint points at, from Drizzle's `<table>_<column>_<target>_<column>_fk` names. */
function linkedTable(constraint: string | undefined): string {
  if (!constraint) return "";
  return constraint.replace(/_fk$/, "").replace(/_id_/g, "_id → ");
}
