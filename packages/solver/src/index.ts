export { RUN_CONSTRAINTS, type RunConstraint } from "./constraints/index";
export { type Evaluation, evaluate } from "./evaluate";
export { type BenchmarkAnswer, benchmarkAnswer } from "./formats/benchmark-answer";
export { parseCordeau } from "./formats/cordeau";
export { parseLiLim } from "./formats/li-lim";
export {
  type BenchmarkFormat,
  type SolveFileOptions,
  solveBenchmarkFile,
} from "./formats/solve-benchmark-file";
export { type InsertionCost, type InsertOutcome, insert, insertionCosts } from "./insert";
export * from "./problem";
export * from "./solution";
export { type SolveOptions, type SolveProgress, solve } from "./solve";
export type { Clock } from "./stop/budget";
export {
  assertValidProblem,
  type ValidationIssue,
  type ValidationResult,
  validateProblem,
} from "./validate";
