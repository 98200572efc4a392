export * from "./auth";
export * from "./csv";
export * from "./demo";
export * from "./entitlement";
export * from "./errors";
export * from "./planning";
export * from "./ports";
export * from "./register";
