import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const require = createRequire(import.meta.url);
/** GOV.UK Frontend's fonts and images, which its compiled CSS asks for at /assets/… */
const GOVUK_ASSETS = join(
  dirname(require.resolve("govuk-frontend/package.json")),
  "dist/govuk/assets",
);
const ASSET_FOLDERS = ["fonts", "images"];
const TYPES: Record<string, string> = {
  woff2: "font/woff2",
  woff: "font/woff",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
};

/** Serves (dev) and copies (build) GOV.UK Frontend's own assets from the package: no CDN. */
function govukAssets(): Plugin {
  return {
    name: "tt-govuk-assets",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/assets\/(fonts|images)\/([\w.-]+)$/.exec(req.url ?? "");
        if (!match?.[1] || !match[2]) return next();
        try {
          const body = readFileSync(join(GOVUK_ASSETS, match[1], match[2]));
          res.setHeader(
            "content-type",
            TYPES[match[2].split(".").pop() ?? ""] ?? "application/octet-stream",
          );
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const folder of ASSET_FOLDERS) {
        for (const name of readdirSync(join(GOVUK_ASSETS, folder))) {
          const source = readFileSync(join(GOVUK_ASSETS, folder, name));
          this.emitFile({ type: "asset", fileName: `assets/${folder}/${name}`, source });
        }
      }
    },
  };
}

/** The API the dev server forwards /api to (`tt serve` by default). */
const API_ORIGIN = process.env.TT_API_ORIGIN ?? "http://127.0.0.1:3000";

/**
 * Installable on a phone, and working without signal: the service worker keeps the built app
 * (never the API's answers) so the driver's page opens offline; marks wait in IndexedDB.
 */
const installable = VitePWA({
  registerType: "autoUpdate",
  injectRegister: "script-defer",
  includeAssets: ["icons/*.png"],
  manifest: {
    name: "Total Transport",
    short_name: "Total Transport",
    description: "Your runs, stop by stop, and the day's bookings and plans.",
    start_url: "/driver",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0b0c0c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    ],
  },
  workbox: {
    globPatterns: ["**/*.{js,css,html,woff2,png,svg,ico}"],
    // The planner's map and charts make one large bundle: keep it too, so every page opens.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: "/index.html",
    navigateFallbackDenylist: [/^\/api\//, /^\/openapi\.json$/],
  },
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), govukAssets(), installable],
  server: { proxy: { "/api": API_ORIGIN, "/openapi.json": API_ORIGIN } },
  // GOV.UK Frontend's compiled CSS keeps old Internet Explorer hacks; drop them when minifying.
  css: { lightningcss: { errorRecovery: true } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
