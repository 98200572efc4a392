import { type Config, isLoopbackHost } from "@tt/server";

/** `--demo`: load the demo wherever; `--demo-if-local` (`npm start`): only where it is safe. */
export type DemoRequest = "always" | "if-local";

/**
 * Why the demo would not be private to this machine: its accounts all share one password, so
 * anyone who can reach the server (or the database) could sign in with them.
 */
export function demoExposure(config: {
  readonly host?: string;
  readonly databaseUrl: string | undefined;
}): string[] {
  const host = config.host;
  return [
    ...(host === undefined || isLoopbackHost(host)
      ? []
      : [`the server listens on ${host}, a network`]),
    ...(config.databaseUrl ? ["the database is PostgreSQL (DATABASE_URL)"] : []),
  ];
}

/** The warning printed when the demo is loaded where others can reach it. */
export function demoWarning(exposure: readonly string[]): string[] {
  return [
    `Warning: ${exposure.join(" and ")}. The demo creates demo accounts that all share one`,
    "password, printed below: anyone who can reach a server on this database can sign in with",
    "them. Use it for a demonstration only, never with real people's data.",
  ];
}

/** Whether to load the demo, and what to print about it. */
export function decideDemo(
  config: Pick<Config, "host" | "databaseUrl">,
  request: DemoRequest | undefined,
): { load: boolean; lines: string[] } {
  if (!request) return { load: false, lines: [] };
  const exposure = demoExposure(config);
  if (exposure.length === 0) return { load: true, lines: [] };
  if (request === "always") return { load: true, lines: demoWarning(exposure) };
  return {
    load: false,
    lines: [
      `The demo was not loaded: ${exposure.join(" and ")}, and the demo's accounts share one password.`,
      "To load it anyway: `tt serve --demo` (or `tt demo`), which warns you again.",
    ],
  };
}
