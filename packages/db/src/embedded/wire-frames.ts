/** The Terminate message's type byte ('X'): the client is leaving. */
export const TERMINATE = 0x58;

/**
 * How many leading bytes of `buffer` are whole PostgreSQL protocol messages. Before start-up the
 * first message has no type byte (an Int32 length that counts itself); after it, every message is
 * a type byte and an Int32 length that counts itself but not the type byte.
 */
export function wholeMessagesLength(buffer: Uint8Array, startedUp: boolean): number {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let end = 0;
  let started = startedUp;
  for (;;) {
    const header = started ? 5 : 4;
    if (buffer.length - end < header) return end;
    const length = started ? view.getInt32(end + 1) + 1 : view.getInt32(end);
    if (length < header - 1 || buffer.length - end < length) return end;
    end += length;
    started = true;
  }
}

/** The type byte of each message in `buffer` (whole messages after start-up only). */
export function messageTypes(buffer: Uint8Array): number[] {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const types: number[] = [];
  for (let at = 0; at + 5 <= buffer.length; at += view.getInt32(at + 1) + 1) {
    types.push(buffer[at] as number);
  }
  return types;
}

/** ReadyForQuery ('Z'): the database waits for the next command; its last byte is the status. */
const READY_FOR_QUERY = 0x5a;
/** ReadyForQuery's status outside any transaction ('I'). */
const IDLE = 0x49;

/**
 * Whether an answer ends with ReadyForQuery outside a transaction: the statement or transaction
 * that was running has ended, and the session is free for someone else.
 */
export function sessionIdle(answer: Uint8Array): boolean {
  const at = answer.length - 6;
  if (at < 0 || answer[at] !== READY_FOR_QUERY || answer[answer.length - 1] !== IDLE) return false;
  const view = new DataView(answer.buffer, answer.byteOffset, answer.byteLength);
  return view.getInt32(at + 1) === 5;
}

/** The `application_name` a start-up message gives, if any. */
export function applicationName(startup: Uint8Array): string | undefined {
  const view = new DataView(startup.buffer, startup.byteOffset, startup.byteLength);
  if (startup.length < 8) return undefined;
  const end = Math.min(view.getInt32(0), startup.length);
  // After the length and the protocol version: name\0value\0 pairs, then a final \0.
  const fields = Buffer.from(startup.subarray(8, end)).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === "application_name") return fields[i + 1];
  }
  return undefined;
}
