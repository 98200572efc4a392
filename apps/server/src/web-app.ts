import { Hono } from "hono";

const LANDING = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Total Transport</title>
<style>body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c}header{background:#0b0c0c;color:#fff;padding:12px 24px}
main{max-width:960px;margin:24px auto;padding:0 24px}a{color:#1d70b8}h1{font-size:2rem}</style></head>
<body><header><strong>Total Transport</strong></header>
<main id="main">
<h1>Total Transport</h1>
<p>Decide who is entitled to publicly funded travel, plan every journey on one shared fleet, buy the transport and prove what it saved.</p>
<ul>
<li><a href="/api/reference">API reference</a></li>
<li><a href="/api/health">Service health</a></li>
<li><a href="/openapi.json">OpenAPI description</a></li>
</ul>
</main></body></html>`;

/** Mounts the API and serves the web app's pages beside it. */
export function withWebApp(api: {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
}): Hono {
  const root = new Hono();
  root.get("/", (c) => c.html(LANDING));
  // The Node bindings travel on, so the API sees the client's address (sign-in throttling).
  root.all("*", (c) => api.fetch(c.req.raw, c.env));
  return root;
}
