/**
 * Test helper: a local HTTP server that answers like `osrm-routed`'s `table` service.
 * It serves recorded responses (exact path → fixture file) and answers any other table request
 * over the fixture network by slicing it, in OSRM's response shape. Not exported from the package.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { MatrixFileJson, MatrixPoint } from "./matrix-file";

export interface FakeOsrmOptions {
  /** The fixture network (a `tt-travel-matrix` JSON with `points`). */
  readonly networkFile: string;
  /** Exact request path (with query) → [HTTP status, fixture file]. */
  readonly recorded?: Readonly<Record<string, readonly [number, string]>>;
  /** Like `osrm-routed --max-table-size`. Default 100. */
  readonly maxTableSize?: number;
  /** Never answer (to test timeouts). */
  readonly hang?: boolean;
}

export interface FakeOsrm {
  readonly baseUrl: string;
  /** Request paths in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

const indices = (text: string | null, count: number, offset = 0) =>
  text === null ? Array.from({ length: count }, (_, k) => k + offset) : text.split(";").map(Number);

const waypoint = (p: MatrixPoint) => ({
  hint: `fixture-${p.id}`,
  distance: 0,
  name: "",
  location: [p.lon, p.lat],
});

function answerTable(url: URL, network: MatrixFileJson, maxTableSize: number): [number, unknown] {
  const points = network.points ?? [];
  const match = /^\/table\/v1\/driving\/([^/]+)$/.exec(url.pathname);
  if (!match?.[1])
    return [
      400,
      {
        code: "InvalidUrl",
        message: `URL string malformed close to position 1: "${url.pathname}"`,
      },
    ];
  const coords = decodeURIComponent(match[1]).split(";");
  if (coords.length > maxTableSize)
    return [400, { code: "TooBig", message: "Too many table coordinates" }];
  const found: MatrixPoint[] = [];
  for (const [k, c] of coords.entries()) {
    const [lon, lat] = c.split(",").map(Number);
    const p = points.find(
      (q) => q.lon.toFixed(6) === lon?.toFixed(6) && q.lat.toFixed(6) === lat?.toFixed(6),
    );
    if (!p)
      return [
        400,
        { code: "NoSegment", message: `Could not find a matching segment for coordinate ${k}` },
      ];
    found.push(p);
  }
  const sources = indices(url.searchParams.get("sources"), found.length);
  const destinations = indices(url.searchParams.get("destinations"), found.length);
  const at = (grid: MatrixFileJson["durations"], i: number, j: number) => {
    const a = points.indexOf(found[i]!);
    const b = points.indexOf(found[j]!);
    return a === b ? 0 : (grid[a]?.[b] ?? null);
  };
  return [
    200,
    {
      code: "Ok",
      durations: sources.map((i) => destinations.map((j) => at(network.durations, i, j))),
      distances: sources.map((i) => destinations.map((j) => at(network.distances, i, j))),
      sources: sources.map((i) => waypoint(found[i]!)),
      destinations: destinations.map((j) => waypoint(found[j]!)),
    },
  ];
}

/** Starts the fake server on 127.0.0.1 with an ephemeral port. */
export async function startFakeOsrm(options: FakeOsrmOptions): Promise<FakeOsrm> {
  const network = JSON.parse(readFileSync(options.networkFile, "utf8")) as MatrixFileJson;
  const requests: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    requests.push(path);
    if (options.hang) return;
    const recorded = options.recorded?.[path];
    if (recorded) return send(res, recorded[0], readFileSync(recorded[1], "utf8"));
    const [status, body] = answerTable(
      new URL(path, "http://fixture"),
      network,
      options.maxTableSize ?? 100,
    );
    send(res, status, body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
