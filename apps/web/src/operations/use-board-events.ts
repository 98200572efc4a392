import type { StatusBoardView } from "@tt/contract";
import { useEffect, useState } from "react";
import { api } from "../api";

/**
 * The day's board, first as read, then as the server's event stream sends it whenever a mark,
 * a revision or a cancellation changes it (from any server process). The browser reopens the
 * stream by itself when it drops.
 */
export function useBoardEvents(date: string, first: StatusBoardView | undefined) {
  const [live, setLive] = useState<StatusBoardView>();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    setLive(undefined);
    const source = new EventSource(api.statusBoardEventsUrl(date));
    source.addEventListener("board", (event: MessageEvent<string>) => {
      setLive(JSON.parse(event.data) as StatusBoardView);
      setConnected(true);
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [date]);
  return { board: live ?? first, connected };
}
