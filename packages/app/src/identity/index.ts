export * from "./auth-service";
export * from "./passwords";
