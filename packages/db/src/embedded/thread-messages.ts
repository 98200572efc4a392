/** What the embedded database's thread is started with. */
export interface ThreadStart {
  /** The Unix socket it serves the wire protocol on. */
  readonly socketPath: string;
  /** Its data folder; in memory when absent. */
  readonly dataDir?: string;
  /** A snapshot (`dumpDataDir`) to start an in-memory database from. */
  readonly loadDataDir?: Blob;
}

/** What the thread says back. */
export type ThreadReply =
  | { readonly type: "ready" }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "closed" };
