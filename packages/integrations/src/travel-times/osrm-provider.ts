import type { TravelMatrix, TravelTimeProvider } from "@tt/app";
import { TravelTimeError } from "./errors";
import {
  buildTableUrl,
  copyChunk,
  type OsrmTableResponse,
  planTableChunks,
  type TableChunk,
} from "./osrm-table";

export interface OsrmProviderOptions {
  /** Where `osrm-routed` listens, e.g. `http://127.0.0.1:5000`. */
  readonly baseUrl: string;
  /** OSRM profile in the URL. Default `driving`. */
  readonly profile?: string;
  /** Most coordinates in one request; match the server's `--max-table-size`. Default 100. */
  readonly maxTableSize?: number;
  /** Per-request timeout in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  /** Requests in flight at once. Default 2. */
  readonly concurrency?: number;
  /** Injected for tests; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** Road travel times from an OSRM server's `table` service. */
export function createOsrmProvider(options: OsrmProviderOptions): TravelTimeProvider {
  const maxTableSize = options.maxTableSize ?? 100;
  const concurrency = options.concurrency ?? 2;
  if (!/^https?:\/\//.test(options.baseUrl)) {
    throw new TravelTimeError(
      "invalid-config",
      `OSRM baseUrl must start with http:// or https://, got "${options.baseUrl}"`,
    );
  }
  if (
    !(Number.isInteger(maxTableSize) && maxTableSize >= 2) ||
    !(Number.isInteger(concurrency) && concurrency >= 1)
  ) {
    throw new TravelTimeError(
      "invalid-config",
      "OSRM maxTableSize must be an integer >= 2 and concurrency >= 1",
    );
  }
  const send = (chunk: TableChunk) => fetchTable(options, chunk);
  return {
    name: "osrm",
    matrix: async (origins, destinations) => {
      const n = origins.length;
      const width = (destinations ?? origins).length;
      const out = {
        durations: new Float64Array(n * width),
        distances: new Float64Array(n * width),
        width,
      };
      const chunks = planTableChunks(origins, destinations, maxTableSize);
      await runPool(chunks, concurrency, async (chunk) => {
        const { url, body } = await send(chunk);
        copyChunk(chunk, body, url, out);
      });
      return {
        origins: n,
        destinations: width,
        durations: out.durations,
        distances: out.distances,
      } satisfies TravelMatrix;
    },
  };
}

async function runPool<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

async function fetchTable(
  options: OsrmProviderOptions,
  chunk: TableChunk,
): Promise<{ url: string; body: OsrmTableResponse }> {
  const url = buildTableUrl(options.baseUrl, options.profile ?? "driving", chunk.request);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (cause) {
    if (cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError")) {
      throw new TravelTimeError(
        "osrm-timeout",
        `OSRM table request timed out after ${timeoutMs} ms (${url})`,
        { cause },
      );
    }
    throw new TravelTimeError(
      "osrm-error",
      `OSRM table request failed: ${String(cause)} (${url})`,
      { cause },
    );
  }
  return { url, body: parseBody(text, response.status, url) };
}

function parseBody(text: string, status: number, url: string): OsrmTableResponse {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new TravelTimeError(
      "osrm-bad-response",
      `OSRM answered HTTP ${status} with non-JSON body (${url})`,
      { cause },
    );
  }
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code !== "string") {
    throw new TravelTimeError(
      "osrm-bad-response",
      `OSRM answered HTTP ${status} without a "code" (${url})`,
    );
  }
  if (code !== "Ok") {
    const message = (body as { message?: unknown }).message;
    const detail = typeof message === "string" ? `: ${message}` : "";
    throw new TravelTimeError(
      "osrm-error",
      `OSRM table failed with code ${code}${detail} (HTTP ${status}, ${url})`,
    );
  }
  return body as OsrmTableResponse;
}
