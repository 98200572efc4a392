import { createHash } from "node:crypto";
import { REFERENCE_SCRIPT } from "./reference-script";

const STYLE = `body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c;line-height:1.4}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fd0;padding:4px}
header{background:#0b0c0c;color:#fff;padding:12px 24px}
.layout{display:flex;gap:24px;max-width:1200px;margin:0 auto;padding:0 24px}
nav{flex:0 0 200px;position:sticky;top:0;align-self:flex-start;padding-top:16px}
nav ul{list-style:none;padding:0}nav li{margin:4px 0}
main{flex:1;min-width:0;padding-bottom:48px}a{color:#1d70b8}a:focus{outline:3px solid #fd0}
h3 code{font-size:1.05rem}article{border-top:1px solid #b1b4b6;padding-top:8px;margin-top:16px}
table{border-collapse:collapse;margin:8px 0 16px;width:100%}caption{text-align:left;font-weight:bold}
th,td{border-bottom:1px solid #b1b4b6;padding:4px 8px;text-align:left;vertical-align:top}
@media (max-width:700px){.layout{display:block}nav{position:static}}`;

/** The API reference: one self-contained page (no external scripts, styles or fonts). */
export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Total Transport — API reference</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">Skip to the reference</a>
<header role="banner"><strong>Total Transport</strong> — API reference</header>
<div class="layout">
<nav id="toc" aria-label="API sections"><h2>Contents</h2></nav>
<main id="content" tabindex="-1">
<h1>API reference</h1>
<p>Loading the API description from <a href="/openapi.json">/openapi.json</a>…</p>
<noscript><p>This page needs JavaScript to render. The raw description is at
<a href="/openapi.json">/openapi.json</a>.</p></noscript>
</main>
</div>
<script>${REFERENCE_SCRIPT}</script>
</body>
</html>`;

const scriptHash = createHash("sha256").update(REFERENCE_SCRIPT).digest("base64");
const styleHash = createHash("sha256").update(STYLE).digest("base64");

/** Only this page's own script and style may run; it may fetch only from this server. */
export const REFERENCE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  `style-src 'sha256-${styleHash}'`,
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
