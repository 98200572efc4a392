import type { IntegrationReportView } from "@tt/contract";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { RUN_COLOURS } from "../planning/format";
import { seriesName } from "./chart-tables";

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = Parameters<ReturnType<typeof init>["setOption"]>[0];

/**
 * One ECharts chart (SVG), an image to assistive technology with a summary as its name; the
 * numbers it draws are in a table beside it (`ChartData`), which the keyboard reaches.
 */
function Chart({ option, label }: { option: Option; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: "svg" });
    chart.setOption({ color: [...RUN_COLOURS], animation: false, ...option });
    return () => chart.dispose();
  }, [option]);
  return <div ref={ref} className="app-chart" role="img" aria-label={label} />;
}

/** Silo versus pooled: cost, vehicles and vehicle-km side by side, each funder stacked. */
export function SiloPooledChart({ report }: { report: IntegrationReportView }) {
  const measures = ["Cost (£)", "Vehicles", "Vehicle km"] as const;
  const value = (m: IntegrationReportView["pooled"], i: number) =>
    [m.cost.total, m.vehiclesUsed, m.vehicleKm][i] ?? 0;
  const series = report.funders.map((f) => ({
    name: `Silo: ${f.name}`,
    type: "bar" as const,
    stack: "silo",
    data: measures.map((_, i) => {
      const silo = report.silo[f.key];
      return silo ? Math.round(value(silo, i)) : 0;
    }),
  }));
  series.push({
    name: "Pooled",
    type: "bar" as const,
    stack: "pooled",
    data: measures.map((_, i) => Math.round(value(report.pooled, i))),
  });
  const label = `Silo total: £${Math.round(report.siloTotal.cost.total)}, ${report.siloTotal.vehiclesUsed} vehicles; pooled: £${Math.round(report.pooled.cost.total)}, ${report.pooled.vehiclesUsed} vehicles.`;
  return (
    <Chart
      label={label}
      option={{
        tooltip: { trigger: "axis" },
        legend: { bottom: 0 },
        grid: { left: 80, right: 20, top: 20, bottom: 80 },
        xAxis: { type: "category", data: [...measures] },
        yAxis: { type: "value" },
        series,
      }}
    />
  );
}

/** Vehicles on the road by time of day, silo against pooled. */
export function PeakVehiclesChart({ report }: { report: IntegrationReportView }) {
  const { slots, series } = report.peakVehicles;
  const peaks = Object.entries(series).map(
    ([key, values]) => `${seriesName(report, key)} ${Math.max(0, ...values)}`,
  );
  return (
    <Chart
      label={`Peak vehicles in use: ${peaks.join(", ")}.`}
      option={{
        tooltip: { trigger: "axis" },
        legend: { bottom: 0 },
        grid: { left: 60, right: 20, top: 20, bottom: 60 },
        xAxis: { type: "category", data: [...slots] },
        yAxis: { type: "value", name: "vehicles" },
        series: Object.entries(series).map(([key, values]) => ({
          name: seriesName(report, key),
          type: "line",
          step: "end",
          data: [...values],
        })),
      }}
    />
  );
}
