export { InProcessJobQueue } from "./in-process-queue";
export {
  type JobContext,
  type JobKind,
  type JobOutput,
  type JobOutputRepositories,
  type JobsUnitOfWork,
  type RegisteredKind,
  type RequestedBy,
  registeredKind,
} from "./job-kind";
export {
  actorOf,
  JobCancelled,
  type JobFailureReport,
  JobRunner,
  type JobRunnerOptions,
} from "./job-runner";
export {
  inProcessJobService,
  isFinished,
  JobService,
  type JobServiceOptions,
} from "./job-service";
