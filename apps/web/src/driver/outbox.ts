import type { DriverDayView, RunEventUploadBody } from "@tt/contract";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/** One mark made on the phone, as the server takes it. */
export type RunMark = RunEventUploadBody["events"][number];

/** A mark waiting on the phone, in the order it was made. */
interface Queued {
  readonly seq?: number;
  readonly mark: RunMark;
}

/** The driver's day as last loaded, so the phone shows the runs without signal. */
interface KeptDay {
  /** The user and the date: one driver's day is never shown to another on a shared phone. */
  readonly key: string;
  readonly day: DriverDayView;
  readonly loadedAt: string;
}

interface DriverDb extends DBSchema {
  outbox: { key: number; value: Queued; indexes: { id: string } };
  days: { key: string; value: KeptDay };
}

/** The phone's database: the queue, and the days last loaded. */
const DB_NAME = "tt-driver";

function openPhoneDb(name: string): Promise<IDBPDatabase<DriverDb>> {
  return openDB<DriverDb>(name, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
        store.createIndex("id", "mark.id", { unique: true });
      }
      if (oldVersion < 2) database.createObjectStore("days", { keyPath: "key" });
    },
  });
}

/** The phone's queue of marks not yet sent: kept in IndexedDB, so a closed tab loses none. */
export interface Outbox {
  add(mark: RunMark): Promise<void>;
  /** The oldest marks waiting, in the order they were made, at most `limit`. */
  pending(limit: number): Promise<RunMark[]>;
  /** Takes out the marks the server has answered for. */
  remove(ids: readonly string[]): Promise<void>;
  count(): Promise<number>;
  close(): void;
}

/** The queue's database on this device; `name` differs only in tests. */
export async function openOutbox(name = DB_NAME): Promise<Outbox> {
  const db = await openPhoneDb(name);
  return {
    async add(mark) {
      // A mark already queued (a double tap replayed) stays queued once.
      if (await db.getKeyFromIndex("outbox", "id", mark.id)) return;
      await db.add("outbox", { mark });
    },
    async pending(limit) {
      const rows = await db.getAll("outbox", undefined, limit);
      return rows.map((row) => row.mark);
    },
    async remove(ids) {
      const tx = db.transaction("outbox", "readwrite");
      for (const id of ids) {
        const key = await tx.store.index("id").getKey(id);
        if (key !== undefined) await tx.store.delete(key);
      }
      await tx.done;
    },
    count: () => db.count("outbox"),
    close: () => db.close(),
  };
}

/**
 * Loads the day, keeping a copy on the phone; without signal, answers the copy last loaded (with
 * when it was loaded), or throws the network's error when there is none.
 */
export async function dayOnPhone(
  key: string,
  load: () => Promise<DriverDayView>,
  name = DB_NAME,
): Promise<{ day: DriverDayView; loadedAt: string | null }> {
  const db = await openPhoneDb(name);
  try {
    const day = await load();
    await db.put("days", { key, day, loadedAt: new Date().toISOString() });
    return { day, loadedAt: null };
  } catch (error) {
    // Only a lost connection falls back: a refusal from the server is shown as it is.
    if (!(error instanceof TypeError)) throw error;
    const kept = await db.get("days", key);
    if (!kept) throw error;
    return { day: kept.day, loadedAt: kept.loadedAt };
  } finally {
    db.close();
  }
}

/** Forgets the days kept on this phone (signing out); marks still waiting stay queued. */
export async function forgetKeptDays(name = DB_NAME): Promise<void> {
  const db = await openPhoneDb(name);
  try {
    await db.clear("days");
  } finally {
    db.close();
  }
}
