export * from "./build-problem";
export { loadDayRegister } from "./load-day-register";
export * from "./mapping-issues";
export * from "./plan-from-solution";
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
