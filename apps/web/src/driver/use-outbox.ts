import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api";
import { type Outbox, openOutbox, type RunMark } from "./outbox";
import { type SyncResult, syncOutbox } from "./sync";

/** At most this many queued marks are read back when the page opens (a day's work is far fewer). */
const QUEUED_SHOWN = 5000;

/** How often the phone tries again while marks wait, milliseconds. */
const RETRY_MS = 10_000;

export interface OutboxState {
  readonly waiting: number;
  readonly offline: boolean;
  /** Marks made on this phone since the page opened: what the screen shows at once. */
  readonly marks: readonly RunMark[];
  readonly refused: SyncResult["refused"];
}

/**
 * The phone's queue: `mark` keeps the mark in IndexedDB first, then tries to send the queue;
 * the queue is sent again when the browser says it is back online, and every few seconds while
 * anything waits. `onSent` runs after marks reached the server.
 */
export function useOutbox(onSent: () => void) {
  const box = useRef<Promise<Outbox> | undefined>(undefined);
  const syncing = useRef(false);
  const [state, setState] = useState<OutboxState>({
    waiting: 0,
    offline: !navigator.onLine,
    marks: [],
    refused: [],
  });
  box.current ??= openOutbox();

  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      const outbox = await box.current;
      if (!outbox) return;
      const result = await syncOutbox(outbox, (events) => api.recordRunEvents({ events }));
      setState((s) => ({
        ...s,
        waiting: result.waiting,
        offline: result.offline || !navigator.onLine,
        refused: [...s.refused, ...result.refused],
      }));
      if (result.sent > 0) onSent();
    } finally {
      syncing.current = false;
    }
  }, [onSent]);

  const mark = useCallback(
    async (m: RunMark) => {
      const outbox = await box.current;
      if (!outbox) return;
      await outbox.add(m);
      const waiting = await outbox.count();
      setState((s) => ({ ...s, waiting, marks: [...s.marks, m] }));
      await sync();
    },
    [sync],
  );

  useEffect(() => {
    // Marks still queued from before the page was (re)opened show on their stops at once.
    void box.current?.then(async (outbox) => {
      const queued = await outbox.pending(QUEUED_SHOWN);
      setState((s) => ({ ...s, waiting: queued.length, marks: [...queued, ...s.marks] }));
    });
  }, []);

  useEffect(() => {
    const again = () => void sync();
    again();
    const lost = () => setState((s) => ({ ...s, offline: true }));
    window.addEventListener("online", again);
    window.addEventListener("offline", lost);
    const timer = setInterval(again, RETRY_MS);
    return () => {
      window.removeEventListener("online", again);
      window.removeEventListener("offline", lost);
      clearInterval(timer);
    };
  }, [sync]);

  return { state, mark };
}
