export * from "./audit";
export * from "./entitlement";
export * from "./health";
export * from "./organisation";
export * from "./plans";
export * from "./register";
export * from "./security";
export * from "./session";
