export * from "./geo";
export * from "./issues";
export * from "./random";
export * from "./schemas";
export * from "./stored";
export * from "./time-of-day";
