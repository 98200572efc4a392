export * from "./build-problem";
export { loadDayRegister } from "./load-day-register";
export * from "./mapping-issues";
export * from "./plan-from-solution";
export * from "./planning-rules";
export * from "./planning-service";
export {
  createWorkerSolveRunner,
  inlineSolveRunner,
  type SolveOutcome,
  type SolveRequest,
  type SolveRunner,
} from "./solve-runner";
