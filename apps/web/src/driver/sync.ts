import {
  MAX_RUN_EVENT_DAYS,
  MAX_RUN_EVENTS_PER_UPLOAD,
  type RecordedUploadView,
} from "@tt/contract";
import type { Outbox, RunMark } from "./outbox";

/** At most this many marks in one upload (the server's own bound). */
export const UPLOAD_BATCH = MAX_RUN_EVENTS_PER_UPLOAD;

/** The oldest marks, in order, of no more days than one upload may hold. */
export function firstDays(marks: readonly RunMark[], days = MAX_RUN_EVENT_DAYS): RunMark[] {
  const seen = new Set<string>();
  const out: RunMark[] = [];
  for (const mark of marks) {
    if (!seen.has(mark.serviceDate) && seen.size === days) break;
    seen.add(mark.serviceDate);
    out.push(mark);
  }
  return out;
}

/** How a sync ended: everything sent, or stopped with marks still waiting. */
export interface SyncResult {
  readonly sent: number;
  /** Marks the server would not record, with its reason: shown to the driver, not sent again. */
  readonly refused: readonly { readonly mark: RunMark; readonly message: string }[];
  /** True when the server could not be reached: the marks wait for the next try. */
  readonly offline: boolean;
  readonly waiting: number;
}

/**
 * Sends the queue oldest first, a batch at a time, and takes out each mark the server answered
 * for (recorded, a resend, or refused). A lost connection leaves the rest queued in order; since
 * the server records a mark once by its id, sending one again after a lost answer is harmless.
 */
export async function syncOutbox(
  outbox: Outbox,
  send: (events: RunMark[]) => Promise<RecordedUploadView>,
): Promise<SyncResult> {
  let sent = 0;
  const refused: { mark: RunMark; message: string }[] = [];
  for (;;) {
    const batch = firstDays(await outbox.pending(UPLOAD_BATCH));
    if (batch.length === 0) return { sent, refused, offline: false, waiting: 0 };
    let answer: RecordedUploadView;
    try {
      answer = await send(batch);
    } catch {
      return { sent, refused, offline: true, waiting: await outbox.count() };
    }
    for (const r of answer.refused) {
      const mark = batch[r.index];
      if (mark) refused.push({ mark, message: r.message });
    }
    sent += batch.length - answer.refused.length;
    await outbox.remove(batch.map((m) => m.id));
  }
}
