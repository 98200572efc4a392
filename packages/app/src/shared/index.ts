export * from "./actor";
export * from "./app-error";
export * from "./audit-reads";
export * from "./error-log";
export * from "./period";
export * from "./rounds";
export * from "./validation";
