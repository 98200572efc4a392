import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TravelTimeProviderConfig } from "@tt/integrations";
import { z } from "zod";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.tt-data", import.meta.url));

/** The hosts that serve this machine only; any other host serves a network. */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/** True when the server listens on this machine only (127.0.0.1, localhost or ::1). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

const TRAVEL_TIMES_FORMS = "geometric, matrix:<file> or osrm:<http(s) URL>";

/**
 * `TT_TRAVEL_TIMES`: where travel times come from. `geometric` (the default: the calibrated model,
 * no network), `matrix:<file>` (a precomputed .json or .csv matrix) or `osrm:<url>` (an
 * `osrm-routed` server). Files are checked here; the provider itself is built by `compose`.
 */
const travelTimesSchema = z
  .string()
  .default("geometric")
  .transform((text, context): TravelTimeProviderConfig => {
    const colon = text.indexOf(":");
    const kind = colon < 0 ? text : text.slice(0, colon);
    const rest = colon < 0 ? "" : text.slice(colon + 1);
    if (text === "geometric") return { kind: "geometric" };
    if (kind === "matrix" && rest) {
      if (existsSync(rest)) return { kind: "matrix-file", path: rest };
      context.addIssue({ code: "custom", message: `the matrix file ${rest} does not exist` });
      return z.NEVER;
    }
    if (kind === "osrm" && /^https?:\/\/[^\s/]+/.test(rest)) return { kind: "osrm", baseUrl: rest };
    context.addIssue({
      code: "custom",
      message: `must be ${TRAVEL_TIMES_FORMS}, not ${JSON.stringify(text)}`,
    });
    return z.NEVER;
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TT_HOST: z.string().min(1).default("127.0.0.1"),
  TT_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  TT_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  TT_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  TT_TRAVEL_TIMES: travelTimesSchema,
  TT_TRUSTED_PROXIES: z.string().optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly secureCookies: boolean;
  readonly logLevel: string;
  /** Where travel times come from (`TT_TRAVEL_TIMES`, default the geometric model). */
  readonly travelTimes: TravelTimeProviderConfig;
  /** Which proxies' X-Forwarded-For is believed (`TT_TRUSTED_PROXIES`: a hop count or addresses). */
  readonly trustedProxies: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once, listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const local = isLoopbackHost(e.TT_HOST);
  return {
    port: e.PORT,
    host: e.TT_HOST,
    dataDir: e.TT_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    secureCookies: e.TT_SECURE_COOKIES ? e.TT_SECURE_COOKIES === "true" : !local,
    logLevel: e.TT_LOG_LEVEL,
    travelTimes: e.TT_TRAVEL_TIMES,
    trustedProxies: e.TT_TRUSTED_PROXIES,
  };
}
