export * from "./audit";
export * from "./jobs";
export * from "./organisations";
export * from "./register";
export * from "./trips";
