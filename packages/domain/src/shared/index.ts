export * from "./geo";
export * from "./issues";
export * from "./schemas";
export * from "./time-of-day";
