export * from "./audit";
export * from "./crew";
export * from "./entitlements";
export * from "./imports";
export * from "./jobs";
export * from "./organisations";
export * from "./register";
export * from "./trips";
