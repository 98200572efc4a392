import type { JobView } from "@tt/contract";
import { useEffect, useState } from "react";
import { api } from "../api";

export type JobState = { job: JobView | undefined; ended: boolean; lost: boolean };

/** How often a job is asked for once its event stream has stopped, milliseconds. */
const POLL_AFTER_STREAM_MS = 5000;

/**
 * Follows a job's server-sent events (`progress`, then `done` or `timeout`). If the stream stops
 * before the job has ended (its bound passed, or the connection was lost for good), the job is
 * asked for every few seconds until it ends, so the page still shows the result.
 */
export function useJobEvents(jobId: string): JobState {
  const [state, setState] = useState<JobState>({ job: undefined, ended: false, lost: false });
  useEffect(() => {
    const source = new EventSource(api.jobEventsUrl(jobId));
    let poll: ReturnType<typeof setInterval> | undefined;
    const pollUntilEnded = () => {
      poll ??= setInterval(() => {
        api.getJob(jobId).then(
          (job) => {
            if (!isRunning(job)) clearInterval(poll);
            setState((s) => ({ job, ended: s.ended, lost: false }));
          },
          () => undefined,
        );
      }, POLL_AFTER_STREAM_MS);
    };
    const take = (ended: boolean) => (event: MessageEvent<string>) => {
      const job = JSON.parse(event.data) as JobView;
      setState({ job, ended, lost: false });
      if (!ended) return;
      source.close();
      if (isRunning(job)) pollUntilEnded();
    };
    source.addEventListener("progress", take(false));
    source.addEventListener("done", take(true));
    source.addEventListener("timeout", take(true));
    source.onerror = () => {
      // The stream closes after `done`; any other close means we lost it.
      if (source.readyState !== EventSource.CLOSED) return;
      setState((s) => (s.ended ? s : { ...s, lost: true }));
      pollUntilEnded();
    };
    return () => {
      source.close();
      clearInterval(poll);
    };
  }, [jobId]);
  return state;
}

function isRunning(job: JobView): boolean {
  return job.status === "queued" || job.status === "running";
}

function statusText(job: JobView | undefined, ended: boolean, what: string): string {
  if (!job) return `Starting the ${what}…`;
  if (job.status === "succeeded") return `The ${what} is ready.`;
  if (job.status === "failed") return `The ${what} failed: ${String(job.error?.message ?? "")}`;
  if (ended) return `Still working on the ${what}: the page checks on it every few seconds.`;
  return job.status === "queued" ? "Waiting to start…" : "Working…";
}

/**
 * What the live region says: the status, and while the job runs its progress in steps of ten
 * per cent (every event would be read out, one after another).
 */
function announcement(state: JobState, what: string): string {
  const status = statusText(state.job, state.ended, what);
  if (state.job?.status !== "running") return status;
  return `${Math.floor(state.job.progress / 10) * 10}% done. ${status}`;
}

/**
 * An accessible progress bar for a job: a `<progress>` with its percentage as text, and a live
 * region (present, empty, before anything is said in it, so that screen readers follow it) that
 * announces the status and the progress as it goes.
 */
export function JobProgress({ state, what = "plan" }: { state: JobState; what?: string }) {
  const progress = state.job?.progress ?? 0;
  const [listening, setListening] = useState(false);
  useEffect(() => setListening(true), []);
  return (
    <div className="govuk-form-group app-progress" data-testid="job-progress">
      <label className="govuk-label govuk-label--s" htmlFor="plan-progress">
        Progress of the {what}
      </label>
      <progress id="plan-progress" max={100} value={progress} aria-valuetext={`${progress}%`}>
        {progress}%
      </progress>
      <p className="govuk-body" data-testid="job-status">
        <span data-testid="job-percent">{progress}%</span> —{" "}
        {statusText(state.job, state.ended, what)}
        {state.lost && " The connection to the server was lost."}
      </p>
      <p
        className="govuk-visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="job-announcement"
      >
        {listening && announcement(state, what)}
        {listening && state.lost && " The connection to the server was lost."}
      </p>
    </div>
  );
}
