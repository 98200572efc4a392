export * from "./competition";
export * from "./compliance";
export * from "./contract";
export * from "./dps";
export * from "./lots";
export * from "./operator";
