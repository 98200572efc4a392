export * from "./client";
export * from "./client-plan-overrides";
export * from "./client-plans";
export * from "./client-sharing";
export * from "./common";
/** Which role may read or write what: the server's own grants, for menus and buttons. */
export { isAllowed } from "./domain";
export * from "./errors";
export * from "./resources";
export * from "./routes";
