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

/** Turns constraint violations into conflicts a person can act on; rethrows anything else. */
export function translatePgError(error: unknown, resource: string): never {
  const pgError = findPgError(error);
  if (pgError?.code === "23505") {
    throw new AppError("conflict", `A ${resource} with this reference already exists.`, [
      { path: "reference", message: pgError.detail ?? "duplicate reference" },
    ]);
  }
  if (pgError?.code === "23503") {
    throw new AppError(
      "conflict",
      `This ${resource} is still used by other records (or refers to one that does not exist); remove those links first.`,
      [{ path: pgError.constraint ?? "", message: pgError.detail ?? "foreign key violation" }],
    );
  }
  throw error;
}
