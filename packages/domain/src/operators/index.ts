export * from "./compliance";
export * from "./dps";
export * from "./operator";
