/**
 * Runs `round` now and again `intervalMs` after each one ends, until stopped. `round` is told
 * whether a stop was asked for (to go round again at once only while not). Answers the stop,
 * which waits for the round under way. The timer does not keep the process alive.
 */
export function repeatRounds(
  round: (stopped: () => boolean) => Promise<void>,
  intervalMs: number,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = round(() => stopped).then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
