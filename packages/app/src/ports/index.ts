export * from "./travel-times";
