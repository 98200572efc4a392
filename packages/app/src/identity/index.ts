export * from "./auth-service";
export * from "./memory-sign-in-attempts";
export * from "./passwords";
export * from "./secrets";
export * from "./sign-in-throttle";
