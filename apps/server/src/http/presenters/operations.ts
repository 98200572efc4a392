import type {
  DriverDay,
  JourneyReport,
  Occupancy,
  RecordedUpload,
  StatusBoard,
  TapImportReport,
} from "@tt/app";
import type {
  DriverDayView,
  JourneyReportView,
  OccupancyView,
  RecordedUploadView,
  StatusBoardView,
  TapImportReportView,
} from "@tt/contract";
import type { ReadonlyView } from "./readonly-view";
import type { SameShape } from "./same-shape";

/** The contract's views and the app's types describe the same data. */
const _day: SameShape<DriverDay, ReadonlyView<DriverDayView>> = true;
const _board: SameShape<StatusBoard, ReadonlyView<StatusBoardView>> = true;
const _upload: SameShape<RecordedUpload, ReadonlyView<RecordedUploadView>> = true;
const _occupancy: SameShape<Occupancy, ReadonlyView<OccupancyView>> = true;
const _taps: SameShape<TapImportReport, ReadonlyView<TapImportReportView>> = true;
const _journeys: SameShape<JourneyReport, ReadonlyView<JourneyReportView>> = true;
export const operationsShapeChecks = [_day, _board, _upload, _occupancy, _taps, _journeys];

/** The driver's day as the phone reads it. */
export function presentDriverDay(day: DriverDay): DriverDayView {
  return {
    ...day,
    runs: day.runs.map((run) => ({
      ...run,
      vehicle: { ...run.vehicle },
      stops: run.stops.map((s) => ({
        ...s,
        notes: [...s.notes],
        notWith: [...s.notWith],
        place: s.place && { ...s.place },
        needs: s.needs && { ...s.needs },
        progress: s.progress && { ...s.progress },
      })),
    })),
    withheld: day.withheld.map((w) => ({
      organisationId: w.organisationId,
      organisationName: w.organisationName,
      vehicleIds: [...w.vehicleIds],
      reason: w.reason,
    })),
  };
}

export function presentRecordedUpload(upload: RecordedUpload): RecordedUploadView {
  return { ...upload, refused: upload.refused.map((r) => ({ ...r })) };
}

export function presentStatusBoard(board: StatusBoard): StatusBoardView {
  return {
    ...board,
    runs: board.runs.map((r) => ({ ...r })),
    exceptions: board.exceptions.map((e) => ({ ...e })),
    totals: { ...board.totals },
  };
}

export function presentOccupancy(o: Occupancy): OccupancyView {
  return {
    ...o,
    rows: o.rows.map((r) => ({ ...r })),
    uncovered: o.uncovered.map((u) => ({ ...u })),
    reviewCandidates: o.reviewCandidates.map((c) => ({ ...c })),
  };
}

export function presentJourneyReport(r: JourneyReport): JourneyReportView {
  return {
    ...r,
    total: { ...r.total },
    byService: r.byService.map((f) => ({ ...f })),
    byOperator: r.byOperator.map((f) => ({ ...f })),
    noShows: { ...r.noShows, byReason: { ...r.noShows.byReason } },
    nepts: { ...r.nepts, missedByReason: { ...r.nepts.missedByReason } },
    journeys: r.journeys.map((j) => ({ ...j })),
  };
}
