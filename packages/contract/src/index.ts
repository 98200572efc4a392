export * from "./client";
export * from "./client-plan-overrides";
export * from "./client-plans";
export * from "./common";
export * from "./errors";
export * from "./resources";
export * from "./routes";
