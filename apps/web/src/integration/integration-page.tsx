import { type IntegrationReportView, integrationReportOf } from "@tt/contract";
import { lazy, type MouseEvent, type ReactNode, Suspense, useState } from "react";
import { api } from "../api";
import { focusById } from "../components/focus";
import { useTitle } from "../components/use-title";
import { pounds } from "../planning/format";
import { JobProgress, useJobEvents } from "../planning/job-progress";
import { AnalysisForm } from "./analysis-form";
import { ChartData, PeakVehiclesTable, SiloPooledTable } from "./chart-tables";

/** ECharts loads only when a report is shown. */
const SiloPooledChart = lazy(() =>
  import("./charts").then((m) => ({ default: m.SiloPooledChart })),
);
const PeakVehiclesChart = lazy(() =>
  import("./charts").then((m) => ({ default: m.PeakVehiclesChart })),
);

const cell = "govuk-table__cell";
const head = "govuk-table__header";

/**
 * Each funder's share of the pooled plan beside what it would pay alone. Both are of the plans'
 * objective (cost plus penalties for trips left unserved), as the Shapley value is.
 */
function SharesTable({ report }: { report: IntegrationReportView }) {
  const columns = [
    "Funder",
    "Alone (silo)",
    "Shapley share",
    "In proportion to alone",
    "Pays more than alone?",
  ];
  return (
    <table className="govuk-table app-focus-target" id="shares" data-testid="shares">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Funders' shares of the pooled cost
        <span className="govuk-caption-m">
          Cost plus penalties for trips left unserved, in pounds
        </span>
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((h) => (
            <th scope="col" className={head} key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.funders.map((f) => (
          <tr className="govuk-table__row" key={f.key}>
            <th scope="row" className={head}>
              {f.name}
            </th>
            <td className={cell}>{pounds(report.silo[f.key]?.objective ?? 0)}</td>
            <td className={cell}>{pounds(report.shares.shapley[f.key] ?? 0)}</td>
            <td className={cell}>{pounds(report.shares.proportionalToStandalone[f.key] ?? 0)}</td>
            <td className={cell}>
              {report.shares.paysMoreThanAlone.includes(f.key) ? "Yes" : "No"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OverlapTable({ report }: { report: IntegrationReportView }) {
  if (report.overlap.length === 0) {
    return (
      <p className="govuk-body app-focus-target" id="overlap">
        No overlap was tested.
      </p>
    );
  }
  return (
    <table className="govuk-table app-focus-target" id="overlap" data-testid="overlap">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Overlap: trips another service's runs could carry
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {["Service", "Carried by", "Tested", "Would fit", "Share"].map((h) => (
            <th scope="col" className={head} key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.overlap.map((row) => (
          <tr className="govuk-table__row" key={`${row.service}-${row.carrier}`}>
            <td className={cell}>{row.service}</td>
            <td className={cell}>{row.carrier}</td>
            <td className={cell}>{row.tested}</td>
            <td className={cell}>{row.feasible}</td>
            <td className={cell}>{row.percent.toFixed(0)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A link to a part of the report: it moves focus there, as a skip link does. */
function InPageLink({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (focusById(to)) event.preventDefault();
  };
  return (
    <a className="govuk-link" href={`#${to}`} onClick={onClick}>
      {children}
    </a>
  );
}

const PARTS = [
  { id: "silo-pooled", text: "Silo against pooled" },
  { id: "peak-vehicles", text: "Vehicles in use by time of day" },
  { id: "shares", text: "Funders' shares of the pooled cost" },
  { id: "overlap", text: "Overlap between services" },
] as const;

const partText = (id: (typeof PARTS)[number]["id"]) => PARTS.find((p) => p.id === id)?.text;

/**
 * The report: a contents list whose links move focus to each part; each chart followed by its
 * numbers as a table (in a details component the keyboard opens); the shares and overlap tables;
 * the link to the server's full report.
 */
function Report({ report, jobId }: { report: IntegrationReportView; jobId: string }) {
  return (
    <section aria-labelledby="report-heading" data-testid="integration-report">
      <h2 className="govuk-heading-l" id="report-heading">
        {report.scenario.name}, {report.scenario.date}
      </h2>
      <p className="govuk-body-l">
        Pooled planning saves {pounds(report.savings.cost)} ({report.savings.costPercent.toFixed(1)}
        %), {report.savings.vehicles} vehicles and{" "}
        {Math.round(report.savings.vehicleKm).toLocaleString("en-GB")} vehicle km. Plans checked:{" "}
        {report.violations} violations.
      </p>
      <nav aria-labelledby="report-contents" data-testid="report-contents">
        <h3 className="govuk-heading-s" id="report-contents">
          In this report
        </h3>
        <ul className="govuk-list">
          {PARTS.map((part) => (
            <li key={part.id}>
              <InPageLink to={part.id}>{part.text}</InPageLink>
            </li>
          ))}
        </ul>
      </nav>
      <h3 className="govuk-heading-m app-focus-target" id="silo-pooled">
        {partText("silo-pooled")}
      </h3>
      <Suspense fallback={<p className="govuk-body">Loading the chart…</p>}>
        <SiloPooledChart report={report} />
      </Suspense>
      <ChartData summary="Silo against pooled as a table">
        <SiloPooledTable report={report} />
      </ChartData>
      <h3 className="govuk-heading-m app-focus-target" id="peak-vehicles">
        {partText("peak-vehicles")}
      </h3>
      <Suspense fallback={<p className="govuk-body">Loading the chart…</p>}>
        <PeakVehiclesChart report={report} />
      </Suspense>
      <ChartData summary="Vehicles in use by time of day as a table">
        <PeakVehiclesTable report={report} />
      </ChartData>
      <SharesTable report={report} />
      <OverlapTable report={report} />
      <p className="govuk-body">
        <a className="govuk-link" href={api.integrationReportUrl(jobId)} data-testid="full-report">
          Open the full report (charts, tables and map on one page)
        </a>
      </p>
    </section>
  );
}

function FollowAnalysis({ jobId }: { jobId: string }) {
  const state = useJobEvents(jobId);
  const report =
    state.job?.status === "succeeded" ? integrationReportOf(state.job.result) : undefined;
  return (
    <>
      <JobProgress state={state} what="analysis" />
      {report && <Report report={report} jobId={jobId} />}
    </>
  );
}

/** Silo versus pooled: choose the budgets, start the analysis, follow it, read its report. */
export function IntegrationPage() {
  useTitle("Integration report");
  const [jobId, setJobId] = useState<string>();
  return (
    <>
      <AnalysisForm onStarted={setJobId} />
      {jobId && <FollowAnalysis key={jobId} jobId={jobId} />}
    </>
  );
}
