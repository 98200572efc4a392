export * from "./compliance";
export * from "./operator";
