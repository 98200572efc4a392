export { type DriverRun, type DriverStop, shortName } from "./driver-run";
export { type DriverDay, DriverRunService, type DriverRunUnitOfWork } from "./driver-run-service";
export {
  type CompletedJourney,
  type JourneyFigures,
  type JourneyReport,
  JourneyService,
  MAX_JOURNEY_DAYS,
} from "./journeys";
export {
  CLOCK_AHEAD_MINUTES,
  type RecordedUpload,
  type RefusedRunEvent,
  RunEventService,
  type RunEventUnitOfWork,
} from "./run-event-service";
export {
  type BoardException,
  type BoardRun,
  buildStatusBoard,
  type RunState,
  type StatusBoard,
} from "./status-board";
export { StatusBoardService, type StatusBoardUnitOfWork } from "./status-board-service";
export {
  cardKeyOf,
  MAX_OCCUPANCY_DAYS,
  type Occupancy,
  type OccupancyRow,
  OccupancyService,
  type TapImportReport,
  TapImportService,
  type UncoveredRun,
} from "./taps";
