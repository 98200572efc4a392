export type { Occupancy, OccupancyRow, UncoveredRun } from "./occupancy";
export { MAX_OCCUPANCY_DAYS, OccupancyService } from "./occupancy-service";
export { cardKeyOf, type TapImportReport, TapImportService } from "./tap-import-service";
