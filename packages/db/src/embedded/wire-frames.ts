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
