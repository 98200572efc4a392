export * from "./build-problem";
export * from "./crew-service";
export {
  checkDayPlanInput,
  type DayPlanJobOptions,
  dayPlanJob,
  readDayPlanResult,
} from "./day-plan-job";
export { findFleetVehicles, grantedVehicle, plannableVehicles } from "./fleet-reads";
export {
  keepProblem,
  MAX_WHOLE_LOCATIONS,
  RESTORED_PROBLEMS_KEPT,
  RestoredProblems,
  restoreProblem,
} from "./kept-problem";
export { unfitRuns } from "./live/bid-fit";
export {
  type Booked,
  type BookingOptions,
  BookingService,
  type BookingUnitOfWork,
  type OfferedOption,
} from "./live/booking-service";
export {
  CancellationService,
  type CancellationUnitOfWork,
  type Cancelled,
  type SeatOffer,
} from "./live/cancellation-service";
export { DayQueue } from "./live/day-queue";
export {
  type HandBackMovedTrip,
  HandBackReplanner,
  type HandBackRepository,
  type HandBackScope,
  type HandBackUnitOfWork,
  type HandBackUnplacedTrip,
  handBackScope,
  type ReplannedDay,
} from "./live/hand-back-replan";
export { type HandedBackPlan, type MovedTrip, withoutHandedBack } from "./live/handed-back-runs";
export { HeldPlans } from "./live/held-plans";
export {
  type Detour,
  type InsertionOption,
  type InsertionOptions,
  insertionOptions,
  type NoOption,
} from "./live/insertion-options";
export { LiveProblem } from "./live/live-problem";
export { PartnerDesk, type PartnerDeskUnitOfWork } from "./live/partner-desk";
export {
  PassengerStandingService,
  type PassengerStandingUnitOfWork,
} from "./live/passenger-standing";
export {
  type HandBackChange,
  type PlanRevisionEntry,
  RevisionHistoryService,
  type RevisionKind,
  type RunChange,
  runChanges,
} from "./live/revision-history";
export {
  loadDayRegister,
  loadPlanningDay,
  type PlanningDayKind,
  type PlanningDayUnitOfWork,
} from "./load-day-register";
export * from "./manifest";
export * from "./manifest-service";
export * from "./mapping-issues";
export * from "./member-plan-service";
export * from "./member-plans";
export { forbiddenPartners, mixRequest, serviceGroup, serviceOf, withMixingPolicy } from "./mixing";
export * from "./overrides/plan-override-change";
export * from "./overrides/plan-override-evaluation";
export * from "./overrides/plan-override-revision";
export * from "./overrides/plan-override-service";
export * from "./plan-from-solution";
export * from "./plan-map/plan-map";
export * from "./plan-map/plan-map-service";
export * from "./planning-rules";
export * from "./planning-service";
export {
  checkPoolStillShared,
  type LeftOutMember,
  memberAccess,
  mergeDays,
  type PooledDayUnitOfWork,
  type PoolPurpose,
  pseudonymiseDay,
  readMemberDay,
} from "./pooled-day";
export { clashesOf, PlanPublicationService } from "./publication-service";
export { findPublishedHeader } from "./published-plan";
export { findEach, listEvery, placeIds } from "./register-reads";
export { type RunScope, runScopeOf, scopeAllows, scopePlan } from "./run-scope";
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
