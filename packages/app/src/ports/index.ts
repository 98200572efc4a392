export * from "./audit";
export * from "./clock";
export * from "./entitlements";
export * from "./identity";
export * from "./jobs";
export * from "./plans";
export * from "./repositories";
export * from "./travel-times";
