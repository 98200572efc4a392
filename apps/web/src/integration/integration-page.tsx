import { type FormEvent, lazy, Suspense, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/text-field";
import { pounds } from "../planning/format";
import { JobProgress, useJobEvents } from "../planning/job-progress";
import { useTitle } from "../router";
import { type IntegrationReportView, reportOf } from "./report-types";

/** ECharts loads only when a report is shown. */
const SiloPooledChart = lazy(() =>
  import("./charts").then((m) => ({ default: m.SiloPooledChart })),
);
const PeakVehiclesChart = lazy(() =>
  import("./charts").then((m) => ({ default: m.PeakVehiclesChart })),
);

const cell = "govuk-table__cell";
const head = "govuk-table__header";

function SharesTable({ report }: { report: IntegrationReportView }) {
  return (
    <table className="govuk-table" data-testid="shares">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Funders' shares of the pooled cost
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className={head}>
            Funder
          </th>
          <th scope="col" className={head}>
            Alone (silo)
          </th>
          <th scope="col" className={head}>
            Shapley share
          </th>
          <th scope="col" className={head}>
            In proportion to alone
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {report.funders.map((f) => (
          <tr className="govuk-table__row" key={f.key}>
            <th scope="row" className={head}>
              {f.name}
            </th>
            <td className={cell}>{pounds(report.silo[f.key]?.cost.total ?? 0)}</td>
            <td className={cell}>{pounds(report.shares.shapley[f.key] ?? 0)}</td>
            <td className={cell}>{pounds(report.shares.proportionalToStandalone[f.key] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OverlapTable({ report }: { report: IntegrationReportView }) {
  if (report.overlap.length === 0) return <p className="govuk-body">No overlap was tested.</p>;
  return (
    <table className="govuk-table" data-testid="overlap">
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
      <Suspense fallback={<p className="govuk-body">Loading the charts…</p>}>
        <h3 className="govuk-heading-m">Silo against pooled</h3>
        <SiloPooledChart report={report} />
        <h3 className="govuk-heading-m">Vehicles in use by time of day</h3>
        <PeakVehiclesChart report={report} />
      </Suspense>
      <SharesTable report={report} />
      <OverlapTable report={report} />
      <p className="govuk-body">
        <a className="govuk-link" href={api.integrationReportUrl(jobId)}>
          Open the full report (charts, tables and map on one page)
        </a>
      </p>
    </section>
  );
}

function FollowAnalysis({ jobId }: { jobId: string }) {
  const state = useJobEvents(jobId);
  const report = state.job?.status === "succeeded" ? reportOf(state.job.result) : undefined;
  return (
    <>
      <JobProgress state={state} what="analysis" />
      {report && <Report report={report} jobId={jobId} />}
    </>
  );
}

/** Silo versus pooled: start the integration analysis, follow it, and read its report. */
export function IntegrationPage() {
  useTitle("Integration report");
  const [jobId, setJobId] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const started = await api.startIntegrationAnalysis({
        date: String(form.get("date") ?? ""),
        timeLimitSeconds: Number(form.get("time-limit")) || 0,
      });
      setProblems([]);
      setJobId(started.jobId);
    } catch (error) {
      setProblems(problemsOf(error, { date: "date", timeLimitSeconds: "time-limit" }));
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  return (
    <>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Integration report</h1>
      <p className="govuk-body">
        Plans each funder's trips alone and all together on the same data, and shares the pooled
        cost between funders.
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="date"
          label="Date"
          defaultValue="2026-11-24"
          width="10"
          error={errorOf("date")}
        />
        <TextField
          id="time-limit"
          label="Seconds for each plan"
          defaultValue="10"
          inputMode="numeric"
          width="4"
          error={errorOf("time-limit")}
        />
        <button type="submit" className="govuk-button">
          Run the analysis
        </button>
      </form>
      {jobId && <FollowAnalysis key={jobId} jobId={jobId} />}
    </>
  );
}
