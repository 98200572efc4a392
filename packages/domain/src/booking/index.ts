export * from "./booking";
export * from "./cancellation";
