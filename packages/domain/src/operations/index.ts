export * from "./run-event";
export * from "./stop-progress";
