import type { OpenAPIHono } from "@hono/zod-openapi";
import { type Actor, AppError, type StatusBoardService } from "@tt/app";
import {
  driverDayRoute,
  recordRunEventsRoute,
  statusBoardEventsRoute,
  statusBoardRoute,
} from "@tt/contract";
import { isoDateSchema } from "@tt/domain";
import { streamSSE } from "hono/streaming";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import {
  presentDriverDay,
  presentRecordedUpload,
  presentStatusBoard,
} from "../presenters/operations";

/** How often a board's event stream asks whether the day changed, milliseconds. */
export const BOARD_POLL_MS = 1000;
/**
 * How long a board's event stream stays open before the browser opens another, seconds. Short,
 * because the session is checked when a stream opens: a signed-out user's stream ends soon.
 */
export const BOARD_STREAM_SECONDS = 300;

/**
 * Running the day: `GET /api/driver/runs` is the driver's phone, `POST /api/run-events` records
 * what it marked, and `GET /api/status-board` (with its `/events` stream) shows the day's runs.
 */
export function mountOperationsRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { driverRuns, runEvents, statusBoard } = services;

  app.openapi(driverDayRoute, async (c) => {
    const day = await driverRuns.day(actorOf(c), c.req.valid("query").date);
    return c.json(presentDriverDay(day), 200);
  });

  app.openapi(recordRunEventsRoute, async (c) => {
    const recorded = await runEvents.record(actorOf(c), c.req.valid("json"));
    return c.json(presentRecordedUpload(recorded), 200);
  });

  app.openapi(statusBoardRoute, async (c) => {
    const board = await statusBoard.board(actorOf(c), c.req.valid("query").date);
    return c.json(presentStatusBoard(board), 200);
  });

  // An event stream is not JSON: the route is documented from the contract and served by Hono.
  app.openAPIRegistry.registerPath(statusBoardEventsRoute);
  app.get("/api/status-board/events", async (c) => {
    const actor = actorOf(c);
    const dates = c.req.queries("date") ?? [];
    const parsed = isoDateSchema.safeParse(dates.length === 1 ? dates[0] : undefined);
    if (!parsed.success) {
      throw new AppError("validation-failed", "The date is not valid.", [
        { path: "date", message: 'expected one date "YYYY-MM-DD" that exists' },
      ]);
    }
    const date = parsed.data;
    const first = await statusBoard.mark(actor, date);
    const until = services.clock.now().getTime() + BOARD_STREAM_SECONDS * 1000;
    return streamSSE(c, (stream) =>
      followBoard(stream, { actor, date, first, until, statusBoard, clock: services.clock }),
    );
  });
}

type SseStream = Parameters<Parameters<typeof streamSSE>[1]>[0];

interface BoardFollow {
  readonly actor: Actor;
  readonly date: string;
  readonly first: string;
  readonly until: number;
  readonly statusBoard: StatusBoardService;
  readonly clock: ServerServices["clock"];
}

/**
 * Sends the board at once, then again whenever the day's mark changes (an event, a revision, a
 * cancellation), from whichever process recorded it; closes at `until`.
 */
async function followBoard(
  stream: Pick<SseStream, "aborted" | "writeSSE" | "sleep">,
  follow: BoardFollow,
): Promise<void> {
  let mark = "";
  let next = follow.first;
  let id = 0;
  while (!stream.aborted && follow.clock.now().getTime() < follow.until) {
    if (next !== mark) {
      const board = await follow.statusBoard.board(follow.actor, follow.date);
      await stream.writeSSE({
        event: "board",
        data: JSON.stringify(presentStatusBoard(board)),
        id: String(id++),
      });
      mark = next;
    }
    await stream.sleep(BOARD_POLL_MS);
    next = await follow.statusBoard.mark(follow.actor, follow.date);
  }
}
