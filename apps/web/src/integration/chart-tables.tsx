import type { IntegrationReportView, PlanMetricsView } from "@tt/contract";
import type { ReactNode } from "react";
import { pounds } from "../planning/format";

const cell = "govuk-table__cell govuk-table__cell--numeric";
const head = "govuk-table__header";

/** A series' name in words: a funder's name, or "Pooled" for the plan of all of them together. */
export function seriesName(report: IntegrationReportView, key: string): string {
  if (key === "pooled") return "Pooled";
  return report.funders.find((f) => f.key === key)?.name ?? key;
}

/**
 * A chart's data as a table, inside a GOV.UK details component: closed, it keeps the page short;
 * its summary takes keyboard focus and opens with Enter or Space.
 */
export function ChartData({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

const MEASURES: readonly { name: string; of: (m: PlanMetricsView) => string }[] = [
  { name: "Cost", of: (m) => pounds(m.cost.total) },
  { name: "Vehicles", of: (m) => String(m.vehiclesUsed) },
  { name: "Vehicle km", of: (m) => Math.round(m.vehicleKm).toLocaleString("en-GB") },
];

/** The silo against pooled chart's numbers: each funder alone, all of them alone, and pooled. */
export function SiloPooledTable({ report }: { report: IntegrationReportView }) {
  const columns = [
    ...report.funders.map((f) => ({ key: f.key, name: `${f.name} alone`, m: report.silo[f.key] })),
    { key: "silo-total", name: "All alone (silo)", m: report.siloTotal },
    { key: "pooled", name: "Pooled", m: report.pooled },
  ];
  return (
    <table className="govuk-table" data-testid="silo-pooled-table">
      <caption className="govuk-table__caption govuk-table__caption--s">
        Silo against pooled: cost, vehicles and vehicle km
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className={head}>
            Measure
          </th>
          {columns.map((c) => (
            <th scope="col" className={`${head} govuk-table__header--numeric`} key={c.key}>
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {MEASURES.map((measure) => (
          <tr className="govuk-table__row" key={measure.name}>
            <th scope="row" className={head}>
              {measure.name}
            </th>
            {columns.map((c) => (
              <td className={cell} key={c.key}>
                {c.m ? measure.of(c.m) : "–"}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The vehicles by time of day chart's numbers: one row for each time slot. */
export function PeakVehiclesTable({ report }: { report: IntegrationReportView }) {
  const { slots, series } = report.peakVehicles;
  const keys = Object.keys(series);
  return (
    <table className="govuk-table" data-testid="peak-vehicles-table">
      <caption className="govuk-table__caption govuk-table__caption--s">
        Vehicles in use, by the time each slot starts
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className={head}>
            From
          </th>
          {keys.map((key) => (
            <th scope="col" className={`${head} govuk-table__header--numeric`} key={key}>
              {seriesName(report, key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {slots.map((slot, i) => (
          <tr className="govuk-table__row" key={slot}>
            <th scope="row" className={head}>
              {slot}
            </th>
            {keys.map((key) => (
              <td className={cell} key={key}>
                {series[key]?.[i] ?? 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
