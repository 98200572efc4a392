export * from "./operator";
