export { createHttpApp, type HttpAppOptions } from "./app";
export type { HttpEnv } from "./context";
export { DEFAULT_BODY_LIMITS } from "./middleware/body-limits";
export {
  NO_TRUSTED_PROXIES,
  parseTrustedProxies,
  type TrustedProxies,
} from "./middleware/client-address";
