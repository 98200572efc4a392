/** The integration report as the analysis job returns it (`job.result.report`). */
export interface ReportMetrics {
  readonly requests: number;
  readonly served: number;
  readonly vehiclesUsed: number;
  readonly cost: { readonly total: number };
  readonly vehicleKm: number;
  readonly occupancy: number;
  readonly co2eKg: number;
}

export interface IntegrationReportView {
  readonly scenario: { readonly name: string; readonly date: string };
  readonly funders: readonly { key: string; name: string; organisation: string }[];
  readonly silo: Readonly<Record<string, ReportMetrics>>;
  readonly siloTotal: ReportMetrics;
  readonly pooled: ReportMetrics;
  readonly savings: {
    readonly cost: number;
    readonly costPercent: number;
    readonly vehicles: number;
    readonly vehicleKm: number;
  };
  readonly shares: {
    readonly shapley: Readonly<Record<string, number>>;
    readonly proportionalToStandalone: Readonly<Record<string, number>>;
    readonly paysMoreThanAlone: readonly string[];
  };
  readonly overlap: readonly {
    service: string;
    carrier: string;
    tested: number;
    feasible: number;
    percent: number;
  }[];
  readonly peakVehicles: {
    readonly slots: readonly string[];
    readonly series: Readonly<Record<string, readonly number[]>>;
  };
  readonly violations: number;
}

/** The report inside a finished job's result, or undefined when it has none. */
export function reportOf(result: Record<string, unknown> | null | undefined) {
  const report = result?.report as IntegrationReportView | undefined;
  return report && typeof report === "object" && "pooled" in report ? report : undefined;
}
