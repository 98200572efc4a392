export * from "./builders";
export * from "./entitlement-cases";
export * from "./repository-contract";
export * from "./travel-times-contract";
