import type { DomainIssue } from "@tt/domain";
import type { z } from "zod";
import { AppError } from "../shared";

/** Zod issues as domain issues with dotted paths. */
export function toIssues(error: z.ZodError, prefix = ""): DomainIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

/** Parses input with a schema or throws `validation-failed` listing every problem. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("validation-failed", `The ${what} is not valid.`, toIssues(result.error));
}
