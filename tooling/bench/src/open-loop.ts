export interface OpenLoop {
  ratePerSecond: number;
  /** When call 0 is due (a `performance.now()` time); call i is due i / rate seconds later. */
  startedAt: number;
  /** No call is started at or after this time. */
  endAt: number;
  /** Starts call `index`; its promise must not reject. */
  start(index: number): Promise<void>;
  /** Hears how many milliseconds late each call started, and when. */
  onLate?(lagMs: number, now: number): void;
}

/**
 * Starts calls on a fixed schedule, however many are still outstanding, so a slow answer
 * delays no later call (an open loop: latency at a given rate). Polls the clock every
 * millisecond and resolves once every started call has settled.
 *
 * @example
 * await runOpenLoop({ ratePerSecond: 500, startedAt: performance.now(), endAt, start: callOnce });
 */
export async function runOpenLoop(loop: OpenLoop): Promise<void> {
  const interval = 1_000 / loop.ratePerSecond;
  const inFlight = new Set<Promise<void>>();
  let issued = 0;
  for (let now = performance.now(); now < loop.endAt; now = performance.now()) {
    // Start every call whose time has come.
    while (loop.startedAt + issued * interval <= now) {
      loop.onLate?.(now - (loop.startedAt + issued * interval), now);
      const pending = loop.start(issued);
      inFlight.add(pending);
      void pending.finally(() => inFlight.delete(pending));
      issued += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
}
