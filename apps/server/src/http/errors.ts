import type { Hook } from "@hono/zod-openapi";
import { AppError, type ErrorCode as AppErrorCode, isAppError, toIssues } from "@tt/app";
import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type ErrorStatus,
  errorBody,
} from "@tt/contract";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import type { HttpEnv } from "./context";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the contract's error codes and the application's drift apart. */
export const ERROR_CODES_MATCH: Same<AppErrorCode, ErrorCode> = true;

/** An error answer: the status from the contract's table and the `{ code, message, details }` body. */
export function errorResponse(c: Context, body: ErrorBody): Response {
  return c.json(body, ERROR_STATUS[body.code] as ErrorStatus);
}

/** Any thrown value as an error body; unknown errors say nothing about the server's insides. */
export function toErrorBody(error: unknown): ErrorBody {
  if (isAppError(error)) return errorBody(error.code, error.message, error.details);
  if (error instanceof HTTPException) return fromHttpException(error);
  return errorBody("internal", "Something went wrong on the server. It has been logged.");
}

function fromHttpException(error: HTTPException): ErrorBody {
  if (error.status === 413) return errorBody("payload-too-large", "The request body is too large.");
  if (error.status === 401) return errorBody("unauthenticated", "Sign in, or send an API token.");
  if (error.status === 415) {
    return errorBody("validation-failed", "Send the request body as JSON.", [
      { path: "content-type", message: "expected application/json" },
    ]);
  }
  if (error.status === 400) {
    return errorBody("validation-failed", "The request body could not be read.", [
      { path: "body", message: error.message || "malformed body" },
    ]);
  }
  return errorBody("internal", "Something went wrong on the server. It has been logged.");
}

/** Route schema failures become `validation-failed` listing every problem. */
export const validationHook: Hook<unknown, HttpEnv, string, undefined> = (result) => {
  if (result.success) return;
  const prefix = result.target === "json" ? "" : result.target;
  throw new AppError(
    "validation-failed",
    describeTarget(result.target),
    toIssues(result.error as ZodError, prefix),
  );
};

function describeTarget(target: string): string {
  if (target === "json") return "The request body is not valid.";
  if (target === "query") return "The query string is not valid.";
  return `The request ${target} is not valid.`;
}
