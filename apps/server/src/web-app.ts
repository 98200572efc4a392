import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { WEB_APP_CSP } from "./http/middleware/response-headers";

/** Where `vite build` puts the web app (apps/web/dist). */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const LANDING_STYLE = `body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c}header{background:#0b0c0c;color:#fff;padding:12px 24px}
main{max-width:960px;margin:24px auto;padding:0 24px}a{color:#1d70b8}h1{font-size:2rem}`;

const LANDING = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Total Transport</title>
<style>${LANDING_STYLE}</style></head>
<body><header><strong>Total Transport</strong></header>
<main id="main">
<h1>Total Transport</h1>
<p>Decide who is entitled to publicly funded travel, plan every journey on one shared fleet, buy the transport and prove what it saved.</p>
<p>The planner's web app is not built: run <code>npm run build -w apps/web</code> (or <code>npm start</code>, which builds it) and reload.</p>
<ul>
<li><a href="/api/reference">API reference</a></li>
<li><a href="/api/health">Service health</a></li>
<li><a href="/openapi.json">OpenAPI description</a></li>
</ul>
</main></body></html>`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".geojson": "application/geo+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

const PAGE_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

/** The landing page's one inline style, allowed by its hash. */
const LANDING_CSP = WEB_APP_CSP.replace(
  "style-src 'self'",
  `style-src 'self' 'sha256-${createHash("sha256").update(LANDING_STYLE).digest("base64")}'`,
);

/** Files `vite build` names by their content hash: they never change. */
const HASHED = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;

const isApi = (path: string) => path.startsWith("/api/") || path === "/openapi.json";

/** A file inside `dir` for a URL path, or undefined when it is not one (or would leave `dir`). */
async function fileFor(dir: string, path: string): Promise<string | undefined> {
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

async function serveFile(file: string, immutable: boolean): Promise<Response> {
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  return new Response(new Uint8Array(await readFile(file)), {
    headers: {
      ...PAGE_HEADERS,
      ...(type.startsWith("text/html") ? { "content-security-policy": WEB_APP_CSP } : {}),
      "content-type": type,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}

/** The URL path decoded, or undefined when its percent-encoding is malformed (`%E0%A4%A`). */
function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * Mounts the API and serves the built web app beside it: files from `webDir`, and its
 * index.html for any other page path (the app routes in the browser). Without a build, `/`
 * answers a landing page that says how to build it.
 */
export function withWebApp(
  api: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> },
  options: { webDir?: string } = {},
): Hono {
  const webDir = options.webDir ?? WEB_DIST;
  const root = new Hono();
  root.get("*", async (c, next) => {
    if (isApi(c.req.path)) return next();
    const path = decodedPath(c.req.path);
    if (path === undefined) return c.text("The path is not valid percent-encoding.", 400);
    const index = join(webDir, "index.html");
    if (!existsSync(index)) {
      if (path !== "/") return next();
      return c.html(LANDING, 200, { ...PAGE_HEADERS, "content-security-policy": LANDING_CSP });
    }
    const file = path === "/" ? undefined : await fileFor(webDir, path);
    if (file) return serveFile(file, HASHED.test(path));
    // A missing asset is a 404, not the app's page.
    if (extname(path) !== "") return next();
    return serveFile(index, false);
  });
  // The Node bindings travel on, so the API sees the client's address (sign-in throttling).
  root.all("*", (c) => api.fetch(c.req.raw, c.env));
  return root;
}
