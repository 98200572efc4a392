export * from "./builders";
export * from "./repository-contract";
