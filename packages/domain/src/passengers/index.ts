export * from "./passenger";
