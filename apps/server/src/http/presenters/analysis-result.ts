import type { IntegrationReport, MapRun, PlanMetrics, StoredAnalysis } from "@tt/app";
import type {
  IntegrationAnalysisResultView,
  IntegrationReportView,
  PlanMetricsView,
} from "@tt/contract";
import type { ReadonlyView } from "./readonly-view";
import type { Same, SameShape } from "./same-shape";

type MapRunView = IntegrationAnalysisResultView["runs"][number];
type Point = readonly [number, number];

/** The contract's analysis report and the app's describe the same data. */
const _metrics: SameShape<PlanMetrics, ReadonlyView<PlanMetricsView>> = true;
const _report: SameShape<IntegrationReport, ReadonlyView<IntegrationReportView>> = true;
// A run's points are [longitude, latitude] pairs on both sides (ReadonlyView reads tuples as arrays).
const _run: SameShape<Omit<MapRun, "points">, ReadonlyView<Omit<MapRunView, "points">>> = true;
const _appPoints: Same<MapRun["points"], readonly Point[]> = true;
const _viewPoints: Same<MapRunView["points"], [number, number][]> = true;
const _result: SameShape<
  Omit<StoredAnalysis, "runs">,
  ReadonlyView<Omit<IntegrationAnalysisResultView, "runs">>
> = true;
export const analysisResultShapeChecks = [
  _metrics,
  _report,
  _run,
  _appPoints,
  _viewPoints,
  _result,
];
