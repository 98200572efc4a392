import os from "node:os";
import { performance } from "node:perf_hooks";
import { describeMachine } from "../machine";
import { headers } from "./load";

export type Json = Record<string, unknown>;

/** An answer of the API: its status, its JSON, how long it took and its `Server-Timing`. */
export interface ApiAnswer {
  readonly status: number;
  readonly json: Json;
  readonly ms: number;
  readonly serverTiming: string;
}

/** One request with an API token (and a JSON body, if any), timed from send to the whole answer. */
export async function apiCall(
  base: string,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const started = performance.now();
  const response = await fetch(new URL(route, base), {
    method,
    headers: headers(token, body === undefined ? {} : { "content-type": "application/json" }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as Json;
  const serverTiming = response.headers.get("server-timing") ?? "";
  return { status: response.status, json, ms: performance.now() - started, serverTiming };
}

/** As `apiCall`, refusing (with the route and the answer) anything but a success. */
export async function apiMust(
  base: string,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const answer = await apiCall(base, token, method, route, body);
  if (answer.status >= 300) {
    throw new Error(`${method} ${route}: ${answer.status} ${JSON.stringify(answer.json)}`);
  }
  return answer;
}

/** The machine, and its load average before the run (given) and now. */
export function machineWithLoad(loadBefore: readonly number[]) {
  const round = (l: number) => Math.round(l * 100) / 100;
  return {
    ...describeMachine(),
    loadAverageBefore: loadBefore.map(round),
    loadAverageAfter: os.loadavg().map(round),
  };
}
