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
  TT_PUBLIC_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  TT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+/, { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  TT_MAIL_FROM: z.email({ message: "must be an email address" }).optional(),
  TT_NOTIFY_API_KEY: z
    .string()
    .regex(/^[\w-]+-[0-9a-f-]{36}-[0-9a-f-]{36}$/, {
      message: "must be a GOV.UK Notify API key (name-service id-secret)",
    })
    .optional(),
  TT_NOTIFY_BASE_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  TT_NOTIFY_EMAIL_TEMPLATE: z.uuid({ message: "must be a Notify template id" }).optional(),
  TT_NOTIFY_SMS_TEMPLATE: z.uuid({ message: "must be a Notify template id" }).optional(),
});

/** Where passengers' messages are sent from: SMTP for email, GOV.UK Notify for email and SMS. */
export interface NotificationsConfig {
  readonly smtp?: { readonly url: string; readonly from: string };
  readonly notify?: {
    readonly apiKey: string;
    readonly baseUrl?: string;
    readonly emailTemplateId: string;
    readonly smsTemplateId: string;
  };
  /** The address people reach the web app at: opt-out links start here (none: no link). */
  readonly publicUrl?: string;
}

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
  /** Where messages go (`TT_SMTP_URL`, `TT_NOTIFY_*`); none configured: they stay queued. */
  readonly notifications: NotificationsConfig;
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
  const problems = notificationProblems(e);
  if (problems.length > 0) throw new ConfigError(problems);
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
    notifications: notificationsOf(e),
  };
}

type Env = z.infer<typeof envSchema>;

/** The settings that only make sense together: SMTP needs a sender, Notify its two templates. */
function notificationProblems(e: Env): string[] {
  const problems: string[] = [];
  if (e.TT_SMTP_URL && !e.TT_MAIL_FROM)
    problems.push("TT_MAIL_FROM: is required with TT_SMTP_URL (the sender's address)");
  if (e.TT_NOTIFY_API_KEY) {
    if (!e.TT_NOTIFY_EMAIL_TEMPLATE)
      problems.push("TT_NOTIFY_EMAIL_TEMPLATE: is required with TT_NOTIFY_API_KEY");
    if (!e.TT_NOTIFY_SMS_TEMPLATE)
      problems.push("TT_NOTIFY_SMS_TEMPLATE: is required with TT_NOTIFY_API_KEY");
  }
  return problems;
}

function notificationsOf(e: Env): NotificationsConfig {
  const smtp =
    e.TT_SMTP_URL && e.TT_MAIL_FROM ? { smtp: { url: e.TT_SMTP_URL, from: e.TT_MAIL_FROM } } : {};
  const notify =
    e.TT_NOTIFY_API_KEY && e.TT_NOTIFY_EMAIL_TEMPLATE && e.TT_NOTIFY_SMS_TEMPLATE
      ? {
          notify: {
            apiKey: e.TT_NOTIFY_API_KEY,
            emailTemplateId: e.TT_NOTIFY_EMAIL_TEMPLATE,
            smsTemplateId: e.TT_NOTIFY_SMS_TEMPLATE,
            ...(e.TT_NOTIFY_BASE_URL ? { baseUrl: e.TT_NOTIFY_BASE_URL } : {}),
          },
        }
      : {};
  const publicUrl = e.TT_PUBLIC_URL ? { publicUrl: e.TT_PUBLIC_URL.replace(/\/+$/, "") } : {};
  return { ...smtp, ...notify, ...publicUrl };
}
