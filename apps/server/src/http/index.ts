export { createHttpApp, type HttpAppOptions } from "./app";
export type { HttpEnv } from "./context";
export { DEFAULT_BODY_LIMITS } from "./middleware/body-limits";
