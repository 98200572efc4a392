/** What a log may say about an error: its type, codes and where it was thrown, never its message. */
export interface LoggedError {
  readonly type: string;
  /** A string code such as a PostgreSQL SQLSTATE or a Node error code. */
  readonly code?: string;
  readonly frames: readonly string[];
  readonly cause?: LoggedError;
}

const MAX_FRAMES = 12;
const MAX_DEPTH = 3;

/**
 * An error as the log may show it. Messages are left out on purpose: database errors quote the
 * failed query's parameters ("params: Ann, Lee, 52.2…") and rows, which hold personal data.
 */
export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, frames: [] };
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  const cause =
    error.cause !== undefined && depth < MAX_DEPTH
      ? loggedError(error.cause, depth + 1)
      : undefined;
  return {
    type: error.name || error.constructor.name,
    ...(code ? { code } : {}),
    frames,
    ...(cause ? { cause } : {}),
  };
}
