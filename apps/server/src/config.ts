import { fileURLToPath } from "node:url";
import { z } from "zod";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.tt-data", import.meta.url));

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
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly secureCookies: boolean;
  readonly logLevel: string;
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
  const local = e.TT_HOST === "127.0.0.1" || e.TT_HOST === "localhost";
  return {
    port: e.PORT,
    host: e.TT_HOST,
    dataDir: e.TT_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    secureCookies: e.TT_SECURE_COOKIES ? e.TT_SECURE_COOKIES === "true" : !local,
    logLevel: e.TT_LOG_LEVEL,
  };
}
