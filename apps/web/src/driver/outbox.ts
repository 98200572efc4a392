import type { RunEventUploadBody } from "@tt/contract";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/** One mark made on the phone, as the server takes it. */
export type RunMark = RunEventUploadBody["events"][number];

/** A mark waiting on the phone, in the order it was made. */
interface Queued {
  readonly seq?: number;
  readonly mark: RunMark;
}

interface DriverDb extends DBSchema {
  outbox: { key: number; value: Queued; indexes: { id: string } };
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
export async function openOutbox(name = "tt-driver"): Promise<Outbox> {
  const db: IDBPDatabase<DriverDb> = await openDB<DriverDb>(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      store.createIndex("id", "mark.id", { unique: true });
    },
  });
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
