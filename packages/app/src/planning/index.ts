export * from "./build-problem";
export { loadDayRegister } from "./load-day-register";
export * from "./manifest";
export * from "./manifest-service";
export * from "./mapping-issues";
export * from "./plan-from-solution";
export * from "./plan-map";
export * from "./plan-map-service";
export * from "./plan-override-change";
export * from "./plan-override-evaluation";
export * from "./plan-override-revision";
export * from "./plan-override-service";
export * from "./planning-rules";
export * from "./planning-service";
export {
  boundedTimeLimit,
  createWorkerSolveRunner,
  inlineSolveRunner,
  type SolveOutcome,
  type SolveRequest,
  type SolveRunner,
  WORKER_GRACE_SECONDS,
  type WorkerSolveRunnerOptions,
} from "./solve-runner";
export { defaultSolveCapacity, SolveSlots } from "./solve-slots";
