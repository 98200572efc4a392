import type { OpenAPIHono } from "@hono/zod-openapi";
import { AppError, type CsvKind } from "@tt/app";
import { CSV_RESOURCE_KINDS, CSV_ROUTES, type CsvResourceKind } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import type { Same } from "../presenters/same-shape";

/** Fails to compile when the contract's CSV resources and the application's drift apart. */
export const CSV_KINDS_MATCH: Same<CsvResourceKind, CsvKind> = true;

const CSV_TYPES = ["text/csv", "text/plain", "application/csv"];

/** The request body as it arrives, chunk by chunk. */
export async function* chunksOf(
  body: ReadableStream<Uint8Array> | null,
): AsyncIterable<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function assertCsv(contentType: string | undefined): void {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!CSV_TYPES.includes(type)) {
    throw new AppError("validation-failed", "Send the file with Content-Type: text/csv.", [
      { path: "content-type", message: `expected text/csv, got ${type || "nothing"}` },
    ]);
  }
}

/**
 * A readable stream over the export. The first chunk is read before answering, so a refusal
 * (role, organisation) is still a proper error response rather than a broken download.
 */
async function streamOf(rows: AsyncIterable<string>): Promise<ReadableStream<Uint8Array>> {
  const iterator = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let next = await iterator.next();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value));
      next = await iterator.next();
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function mountCsv(app: OpenAPIHono<HttpEnv>, services: ServerServices, kind: CsvResourceKind) {
  const routes = CSV_ROUTES[kind];

  app.openapi(routes.importCsv, async (c) => {
    const actor = actorOf(c);
    assertCsv(c.req.header("content-type"));
    const report = await services.csv.importCsv(actor, kind, chunksOf(c.req.raw.body));
    return c.json(report, 201);
  });

  app.openapi(routes.exportCsv, async (c) => {
    const body = await streamOf(services.csv.exportCsv(actorOf(c), kind));
    const filename = `${routes.exportCsv.path.split("/")[2]}.csv`;
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  });
}

/** `POST …/import` and `GET …/export` for passengers, places, vehicles and trip requests. */
export function mountCsvRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  for (const kind of CSV_RESOURCE_KINDS) mountCsv(app, services, kind);
}
