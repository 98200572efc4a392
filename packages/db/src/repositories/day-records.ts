import type { SubjectRecordStore } from "@tt/app";
import type { DayRecordCategory } from "@tt/domain";
import { and, count, eq, lt, notInArray, type SQL } from "drizzle-orm";
import type { Db } from "../create-db";
import { messages, observedTaps, runEvents } from "../schema";

/** Messages still to be sent are kept whatever their day. */
const WAITING = ["queued", "sending"];

/** The rows of a category of an organisation whose service day is before `cutoff`. */
function before(category: DayRecordCategory, organisationId: string, cutoff: string) {
  switch (category) {
    case "journey-marks":
      return {
        table: runEvents,
        where: and(eq(runEvents.organisationId, organisationId), lt(runEvents.serviceDate, cutoff)),
      };
    case "taps":
      return {
        table: observedTaps,
        where: and(
          eq(observedTaps.organisationId, organisationId),
          lt(observedTaps.serviceDate, cutoff),
        ),
      };
    case "messages":
      return {
        table: messages,
        where: and(
          eq(messages.organisationId, organisationId),
          lt(messages.serviceDate, cutoff),
          notInArray(messages.status, WAITING),
        ) as SQL,
      };
  }
}

type DayRecordRetention = Pick<SubjectRecordStore, "dayRecordsBefore" | "deleteDayRecordsBefore">;

/** The retention schedule's records kept by day: marks at stops, taps and messages. */
export function createDayRecordRetention(db: Db): DayRecordRetention {
  return {
    async dayRecordsBefore(organisationId, category, cutoff) {
      const { table, where } = before(category, organisationId, cutoff);
      const [row] = await db.select({ n: count() }).from(table).where(where);
      return Number(row?.n ?? 0);
    },
    // Counted, then deleted, in the caller's transaction: no row of a large day comes back.
    async deleteDayRecordsBefore(organisationId, category, cutoff) {
      const { table, where } = before(category, organisationId, cutoff);
      const [row] = await db.select({ n: count() }).from(table).where(where);
      await db.delete(table).where(where);
      return Number(row?.n ?? 0);
    },
  };
}
