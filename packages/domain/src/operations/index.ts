export * from "./run-event";
export * from "./stop-progress";
export * from "./taps";
