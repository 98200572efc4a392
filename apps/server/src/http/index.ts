export { createHttpApp, type HttpAppOptions } from "./app";
export type { HttpEnv } from "./context";
export { DEFAULT_BODY_LIMITS } from "./middleware/body-limits";
export {
  NO_TRUSTED_PROXIES,
  parseTrustedProxies,
  type TrustedProxies,
} from "./middleware/client-address";
export { REPORT_CSP, WEB_APP_CSP } from "./middleware/response-headers";
