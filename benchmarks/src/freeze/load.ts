import { performance } from "node:perf_hooks";
/** An API token's header (requests with a token need no CSRF header). */
export function headers(token: string, more: Record<string, string> = {}) {
  return { authorization: `Bearer ${token}`, ...more };
}

/** One path polled again and again: each answer's latency, and when it came (ms since start). */
export interface PollResult {
  readonly name: string;
  readonly latencies: number[];
  readonly answeredAt: number[];
  readonly failures: string[];
}

export interface Poller {
  readonly results: PollResult[];
  /** Stops after the requests in flight are answered. */
  stop(): Promise<PollResult[]>;
}

export interface PollTarget {
  readonly name: string;
  readonly url: string;
  readonly token?: string;
}

/** Polls each target in its own loop, one request at a time, `pauseMs` apart. */
export function startPolling(targets: readonly PollTarget[], pauseMs: number): Poller {
  const origin = performance.now();
  let running = true;
  const results = targets.map((t) => ({
    name: t.name,
    latencies: [] as number[],
    answeredAt: [] as number[],
    failures: [] as string[],
  }));
  const loops = targets.map(async (target, index) => {
    const result = results[index];
    while (running && result) {
      const started = performance.now();
      try {
        const response = await fetch(target.url, {
          headers: target.token ? headers(target.token) : {},
        });
        await response.arrayBuffer();
        if (!response.ok) result.failures.push(`HTTP ${response.status}`);
        const now = performance.now();
        result.latencies.push(now - started);
        result.answeredAt.push(now - origin);
      } catch (error) {
        result.failures.push(error instanceof Error ? error.message : String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    results,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return results;
    },
  };
}

export interface Percentiles {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles, milliseconds to one decimal. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const rank = Math.max(1, Math.ceil(p * sorted.length));
    return Math.round((sorted[rank - 1] ?? Number.NaN) * 10) / 10;
  };
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** A timed piece of work: how long it took, and what it answered. */
export interface Timed<T> {
  readonly ms: number;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly value: T;
}

export async function timed<T>(origin: number, work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const value = await work();
  const ended = performance.now();
  return { ms: ended - started, startedAt: started - origin, endedAt: ended - origin, value };
}

/** Downloads the passengers export; answers the status and the number of data rows. */
export async function exportPassengers(base: string, token: string) {
  const response = await fetch(new URL("/api/passengers/export", base), {
    headers: headers(token),
  });
  const text = await response.text();
  return { status: response.status, rows: text.trimEnd().split("\n").length - 1 };
}

export async function importPassengers(base: string, token: string, csv: string) {
  const response = await fetch(new URL("/api/passengers/import", base), {
    method: "POST",
    headers: headers(token, { "content-type": "text/csv" }),
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Starts a day plan and waits for its job to end; answers the job's final status. */
export async function planDay(base: string, token: string, date: string, seconds: number) {
  const started = await fetch(new URL("/api/plans", base), {
    method: "POST",
    headers: headers(token, { "content-type": "application/json" }),
    body: JSON.stringify({ date, timeLimitSeconds: seconds, seed: 1 }),
  });
  if (started.status !== 202) return { status: `HTTP ${started.status}: ${await started.text()}` };
  const { jobId } = (await started.json()) as { jobId: string };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const job = await fetch(new URL(`/api/jobs/${jobId}`, base), { headers: headers(token) });
    const { status } = (await job.json()) as { status: string };
    if (status !== "queued" && status !== "running") return { status };
  }
}
