import type { MiddlewareHandler } from "hono";

/**
 * The web app's pages: its own scripts, styles, images and workers only (Vite builds no inline
 * script; React and MapLibre set styles through the CSSOM, which CSP allows). Map tiles and
 * images may be blobs or data URLs made in the page.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * HTML reports (the integration report): no script at all; its one `<style>` block and the
 * legend swatches' `style` attributes need inline styles, so `style-src` allows them, and only
 * style. Charts and maps are inline SVG.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const isApi = (path: string) => path.startsWith("/api/") || path === "/openapi.json";

/**
 * `Cache-Control: no-store` on every API answer (JSON, CSV and HTML may all hold personal data;
 * nothing is cached by browsers or proxies), and a CSP on every HTML page the API serves that has
 * none of its own (the reference page brings its own, with hashes).
 */
export function apiResponseHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!isApi(c.req.path)) return;
    c.res.headers.set("cache-control", "no-store");
    const type = c.res.headers.get("content-type") ?? "";
    if (type.startsWith("text/html") && !c.res.headers.has("content-security-policy")) {
      c.res.headers.set("content-security-policy", REPORT_CSP);
    }
  };
}
