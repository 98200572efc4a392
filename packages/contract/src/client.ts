import { bookingClientMethods } from "./client-bookings";
import { communityTransportClientMethods } from "./client-community-transport";
import { consortiaClientMethods } from "./client-consortia";
import { messageClientMethods } from "./client-messages";
import { operationsClientMethods } from "./client-operations";
import { partnerDeskClientMethods } from "./client-partner-desk";
import { planOverrideClientMethods } from "./client-plan-overrides";
import { planClientMethods } from "./client-plans";
import { procurementClientMethods } from "./client-procurement";
import { sharingClientMethods } from "./client-sharing";
import { CSRF_HEADER, PURPOSE_HEADER } from "./common";
import type { ErrorBody, ErrorCode, Issue } from "./errors";
import {
  API_RESOURCES,
  type CsvResourceKind,
  type ResourceFilters,
  type ResourceInput,
  type ResourceKind,
  type ResourceRecord,
} from "./resources";
import type { AuditPage, AuditQuery } from "./routes/audit";
import type { TapImportReportView } from "./routes/day-figures";
import type { Health } from "./routes/health";
import type { ImportReport } from "./routes/register";
import type { ApiToken, ApiUser, IssuedToken, SignIn, TokenList } from "./routes/session";

/** An error answer from the API, with its code and every problem it listed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: readonly Issue[];

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Where the server is, e.g. `http://localhost:3000` or `""` in the browser (same origin). */
  readonly baseUrl: string;
  /** Defaults to the global `fetch`. */
  readonly fetch?: Fetch;
  /** An API token (`tt_…`); without one, the browser's session cookie is used. */
  readonly token?: string;
  /** Sent as `X-Purpose` and recorded in the audit log when personal data is touched. */
  readonly purpose?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export type ListOptions<K extends ResourceKind> = {
  readonly offset?: number;
  readonly limit?: number;
  readonly search?: string;
} & ResourceFilters<K>;

type Query = Readonly<Record<string, string | number | undefined>>;

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (typeof body.code === "string" && typeof body.message === "string") {
      return new ApiError(res.status, {
        code: body.code,
        message: body.message,
        details: body.details ?? [],
      });
    }
  }
  return new ApiError(res.status, { code: "internal", message: `HTTP ${res.status}`, details: [] });
}

/** Sends requests with the token, CSRF and purpose headers; throws `ApiError` on failure. */
function createTransport(options: ClientOptions) {
  const doFetch: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const base = options.baseUrl.replace(/\/$/, "");
  async function send(method: string, path: string, body?: unknown, type?: string) {
    const headers: Record<string, string> = { [CSRF_HEADER]: "tt-client" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.purpose) headers[PURPOSE_HEADER] = options.purpose;
    const json = body !== undefined && type === undefined;
    if (json || type) headers["content-type"] = type ?? "application/json";
    const payload = json ? JSON.stringify(body) : (body as RequestInit["body"]);
    const res = await doFetch(`${base}${path}`, { method, headers, body: payload ?? null });
    if (!res.ok) throw await toApiError(res);
    return res;
  }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await send(method, path, body);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  return { send, call, base };
}

/** The typed client of the API, used by the web app and the CLI. */
export function createClient(options: ClientOptions) {
  const { send, call, base } = createTransport(options);
  const collection = (kind: ResourceKind) => `/api/${API_RESOURCES[kind].path}`;
  const item = (kind: ResourceKind, id: string) => `${collection(kind)}/${encodeURIComponent(id)}`;

  return {
    health: () => call<Health>("GET", "/api/health"),
    signIn: (input: SignIn) => call<ApiUser>("POST", "/api/session", input),
    signOut: () => call<void>("DELETE", "/api/session"),
    me: () => call<ApiUser>("GET", "/api/me"),
    /** Needs the browser's session: an API token cannot issue tokens. */
    issueToken: (name: string, expiresInDays?: number) =>
      call<IssuedToken>("POST", "/api/tokens", { name, expiresInDays }),
    listTokens: async (): Promise<ApiToken[]> =>
      (await call<TokenList>("GET", "/api/tokens")).items,
    revokeToken: (id: string) => call<void>("DELETE", `/api/tokens/${encodeURIComponent(id)}`),
    list: <K extends ResourceKind>(kind: K, query: ListOptions<K> = {} as ListOptions<K>) =>
      call<Page<ResourceRecord<K>>>("GET", `${collection(kind)}${queryString(query as Query)}`),
    get: <K extends ResourceKind>(kind: K, id: string) =>
      call<ResourceRecord<K>>("GET", item(kind, id)),
    create: <K extends ResourceKind>(kind: K, input: ResourceInput<K>) =>
      call<ResourceRecord<K>>("POST", collection(kind), input),
    update: <K extends ResourceKind>(kind: K, id: string, input: ResourceInput<K>) =>
      call<ResourceRecord<K>>("PUT", item(kind, id), input),
    remove: (kind: ResourceKind, id: string) => call<void>("DELETE", item(kind, id)),
    /** All or nothing: a file with any bad row throws an `ApiError` listing every row problem. */
    importCsv: async (kind: CsvResourceKind, csv: string | Blob): Promise<ImportReport> =>
      (
        await send("POST", `${collection(kind)}/import`, csv, "text/csv")
      ).json() as Promise<ImportReport>,
    /** Smartcard taps or attendance, all or nothing (`date,card,vehicle,stop,time`). */
    importTaps: async (csv: string | Blob): Promise<TapImportReportView> =>
      (
        await send("POST", "/api/taps/import", csv, "text/csv")
      ).json() as Promise<TapImportReportView>,
    exportCsv: async (kind: CsvResourceKind): Promise<string> =>
      (await send("GET", `${collection(kind)}/export`)).text(),
    auditLog: (query: AuditQuery = {}) =>
      call<AuditPage>("GET", `/api/audit-log${queryString(query as Query)}`),
    ...planClientMethods(call, base),
    ...planOverrideClientMethods(call),
    ...sharingClientMethods(call),
    ...partnerDeskClientMethods(call),
    ...bookingClientMethods(call),
    ...messageClientMethods(call),
    ...operationsClientMethods(call, base),
    ...procurementClientMethods(call),
    ...communityTransportClientMethods(call, base),
    ...consortiaClientMethods(call),
    /** The same client, recording `purpose` in the audit log. */
    withPurpose: (purpose: string) => createClient({ ...options, purpose }),
  };
}

export type Client = ReturnType<typeof createClient>;
