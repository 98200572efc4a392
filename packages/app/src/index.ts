export * from "./analysis";
export * from "./entitlement";
export * from "./identity";
export * from "./jobs";
export * from "./planning";
export * from "./ports";
export * from "./register";
export * from "./shared";
