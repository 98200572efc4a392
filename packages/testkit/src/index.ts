export * from "./builders";
export * from "./repository-contract";
export * from "./travel-times-contract";
