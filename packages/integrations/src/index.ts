export * from "./notifications";
export * from "./open-data";
export * from "./travel-times";
