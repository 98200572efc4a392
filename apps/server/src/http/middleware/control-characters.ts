import { AppError } from "@tt/app";
import type { Issue } from "@tt/contract";
import { findControlCharacter } from "@tt/domain";
import type { MiddlewareHandler } from "hono";

/** Past this many problems the answer stops listing them. */
const MAX_ISSUES = 20;
/** No body of the API nests this deep; a deeper one is refused before anything walks it. */
export const MAX_JSON_DEPTH = 32;

const describeAt = (text: string, lineBreaks: boolean) => {
  const at = findControlCharacter(text, lineBreaks);
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0");
  return `must not contain control characters (U+${code} at position ${at + 1})`;
};

/** Every string (and key) in a parsed JSON value holding a control other than tab, LF or CR. */
function jsonIssues(value: unknown, path: string, issues: Issue[], depth = 0): void {
  if (issues.length >= MAX_ISSUES) return;
  if (depth > MAX_JSON_DEPTH) {
    issues.push({
      path: path || "body",
      message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
    });
    return;
  }
  if (typeof value === "string") {
    if (findControlCharacter(value, true) >= 0) {
      issues.push({ path: path || "body", message: describeAt(value, true) });
    }
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      jsonIssues(item, path ? `${path}.${index}` : `${index}`, issues, depth + 1);
      if (issues.length >= MAX_ISSUES) return;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (findControlCharacter(key) >= 0)
        issues.push({ path: keyPath, message: describeAt(key, false) });
      jsonIssues(item, keyPath, issues, depth + 1);
      if (issues.length >= MAX_ISSUES) return;
    }
  }
}

function queryIssues(queries: Record<string, string[]>): Issue[] {
  const issues: Issue[] = [];
  for (const [name, values] of Object.entries(queries)) {
    const bad = [name, ...values].find((text) => findControlCharacter(text) >= 0);
    if (bad !== undefined) issues.push({ path: `query.${name}`, message: describeAt(bad, false) });
  }
  return issues;
}

const isJson = (contentType: string | undefined) =>
  /^application\/([\w.+-]+\+)?json\b/i.test(contentType?.trim() ?? "");

/**
 * Control characters (NUL and the rest of C0, and DEL) are refused with 422 naming the field:
 * anywhere in a query parameter, and in JSON strings except tab, line feed and carriage return
 * (the register's schemas refuse those too where a field is one line). CSV cells are checked by
 * the same schemas during the import. A body that is not JSON is left to the route's validator.
 */
export function rejectControlCharacters(): MiddlewareHandler {
  return async (c, next) => {
    const issues = queryIssues(c.req.queries());
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && isJson(c.req.header("content-type"))) {
      const body: unknown = await c.req.json().catch(() => undefined);
      jsonIssues(body, "", issues);
    }
    if (issues.length > 0) {
      throw new AppError(
        "validation-failed",
        "The request holds control characters or nests too deeply.",
        issues,
      );
    }
    await next();
  };
}
