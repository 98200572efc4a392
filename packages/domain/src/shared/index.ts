export * from "./geo";
export * from "./issues";
export * from "./schemas";
export * from "./stored";
export * from "./time-of-day";
