export * from "./booking";
