import type { DomainIssue } from "@tt/domain";

/** Stable error codes; the server maps them to HTTP statuses, the CLI to exit codes. */
export const ERROR_CODES = [
  "validation-failed",
  "not-found",
  "forbidden",
  "unauthenticated",
  "conflict",
  "payload-too-large",
  "too-many-requests",
  "unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure with a code, a message for people and details for machines. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly DomainIssue[];

  constructor(code: ErrorCode, message: string, details: readonly DomainIssue[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export function notFound(resource: string, id: string): AppError {
  return new AppError("not-found", `No ${resource} with id ${id} in your organisation.`);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
