import { ApiError, type Client, createClient, type MemberPlanView } from "@tt/contract";

/** The one client of the API: same origin, the browser's session cookie. */
export const api: Client = createClient({ baseUrl: "" });

/** The organisation's part of one of its partnerships' day plans. */
export type MemberPlan = MemberPlanView;

/** The organisation's trips in its partnerships' plans of a day (`GET /api/partnership-plans`). */
export async function partnershipPlans(date: string): Promise<MemberPlan[]> {
  return (await api.partnershipPlans(date)).items;
}

/** A field or row problem to show in an error summary. */
export interface Problem {
  readonly text: string;
  /** The id of the input it belongs to, when there is one on the page. */
  readonly href?: string;
  readonly row?: number;
}

/** The problems an API error lists, or its message when it lists none. */
export function problemsOf(error: unknown, fieldIds: Record<string, string> = {}): Problem[] {
  if (!(error instanceof ApiError)) {
    return [{ text: error instanceof Error ? error.message : "Something went wrong." }];
  }
  if (error.details.length === 0) return [{ text: error.message }];
  return error.details.map((issue) => {
    const id = fieldIds[issue.path];
    const where = issue.row !== undefined ? `Row ${issue.row}: ` : "";
    const field = id || issue.path === "" ? "" : `${issue.path}: `;
    return {
      text: `${where}${field}${issue.message}`,
      ...(id ? { href: `#${id}` } : {}),
      ...(issue.row !== undefined ? { row: issue.row } : {}),
    };
  });
}

export const isUnauthenticated = (error: unknown) =>
  error instanceof ApiError && error.status === 401;
