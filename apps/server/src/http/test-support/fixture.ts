import type { Writable } from "node:stream";
import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  type Actor,
  type Clock,
  type CsvTransfer,
  createCsvTransfer,
  type RegisterKind,
  type SolveRunner,
  type UnitOfWork,
  type User,
} from "@tt/app";
import { CSRF_HEADER, SESSION_COOKIE } from "@tt/contract";
import type { DbHandle } from "@tt/db";
import type { Role } from "@tt/domain";
import { pino } from "pino";
import { afterAll, beforeAll } from "vitest";
import { buildServices, type ServerServices } from "../../services";
import { createHttpApp, type HttpAppOptions } from "../app";
import type { HttpEnv } from "../context";
import { SEED_ORDER, validInputs } from "./inputs";

export const PASSWORD = "correct horse battery staple";
export const FIXTURE_ROLES = ["admin", "booking-agent", "driver", "auditor", "finance"] as const;
export type FixtureRole = (typeof FIXTURE_ROLES)[number];

export interface OrgFixture {
  readonly id: string;
  readonly users: Record<FixtureRole, { readonly user: User; readonly token: string }>;
  /** One row of every register kind, by id. */
  readonly rows: Record<RegisterKind, string>;
}

export interface Fixture {
  readonly app: OpenAPIHono<HttpEnv>;
  readonly services: ServerServices;
  readonly county: OrgFixture;
  readonly city: OrgFixture;
  /** The database itself, for tests that must look at every table. */
  readonly db: DbHandle["db"];
  /** A request with an API token (or none) and an optional JSON body. */
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
}

export interface CallOptions {
  readonly token?: string;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Send the session cookie instead of a token. */
  readonly cookie?: string;
  /** Send the CSRF header (default true). */
  readonly csrf?: boolean;
}

export interface FixtureOptions extends Omit<HttpAppOptions, "logger"> {
  readonly secureCookies?: boolean;
  readonly csv?: (unitOfWork: UnitOfWork) => CsvTransfer;
  /** Where the request log goes; silent when omitted. */
  readonly logTo?: Writable;
  /** Where plans are solved (default: each service's worker-thread runner). */
  readonly solveRunner?: SolveRunner;
  /** The services' clock (default: the system's). */
  readonly clock?: Clock;
}

async function createOrg(services: ServerServices, name: string): Promise<OrgFixture> {
  const org = await services.auth.createOrganisation({ name, kind: "council" });
  const slug = name.toLowerCase().replace(/\W+/g, "-");
  const users = {} as Record<FixtureRole, { user: User; token: string }>;
  for (const role of FIXTURE_ROLES) {
    const user = await services.auth.createUser({
      organisationId: org.id,
      email: `${role}@${slug}.example`,
      displayName: `${name} ${role}`,
      role: role satisfies Role,
      password: PASSWORD,
    });
    const { token } = await services.auth.issueApiToken(user.id, "tests");
    users[role] = { user, token };
  }
  const admin: Actor = { userId: users.admin.user.id, organisationId: org.id, role: "admin" };
  return { id: org.id, users, rows: await seedRows(services, admin, slug) };
}

async function seedRows(services: ServerServices, admin: Actor, suffix: string) {
  const rows = {} as Record<RegisterKind, string>;
  for (const kind of SEED_ORDER) {
    const links = { funderId: rows.funders, passengerId: rows.passengers, placeId: rows.places };
    const created = await services.register.create(admin, kind, validInputs(links, suffix)[kind]);
    rows[kind] = created.id;
  }
  return rows;
}

/** Two councils, each with users of several roles and one row of every register kind. */
export async function createFixture(
  handle: DbHandle,
  options: FixtureOptions = {},
): Promise<Fixture> {
  const services = buildServices(handle, {
    csv: options.csv ?? createCsvTransfer,
    secureCookies: options.secureCookies ?? true,
    ...(options.solveRunner ? { solveRunner: options.solveRunner } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const logger = options.logTo ? pino(options.logTo) : pino({ level: "silent" });
  const app = createHttpApp(services, { ...options, logger });
  const county = await createOrg(services, "County");
  const city = await createOrg(services, "City");
  return { app, services, county, city, db: handle.db, call: caller(app) };
}

/** `app.request` with the headers tests keep needing. */
export function caller(app: OpenAPIHono<HttpEnv>) {
  return (method: string, path: string, opts: CallOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (opts.csrf !== false) headers[CSRF_HEADER] = "tests";
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.cookie) headers.cookie = `${SESSION_COOKIE}=${opts.cookie}`;
    if (opts.json !== undefined) headers["content-type"] = "application/json";
    Object.assign(headers, opts.headers);
    const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.body;
    return Promise.resolve(app.request(path, { method, headers, ...(body ? { body } : {}) }));
  };
}

/** Every driver's database with a fixture on it, opened once per test file. */
export function useFixture(
  open: () => Promise<DbHandle>,
  options: FixtureOptions = {},
): () => Fixture {
  let fixture: Fixture | undefined;
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await open();
    fixture = await createFixture(handle, options);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!fixture) throw new Error("the fixture is not ready");
    return fixture;
  };
}
