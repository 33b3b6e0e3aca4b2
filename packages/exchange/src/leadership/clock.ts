/** Cancels what `Clock.after` scheduled; harmless once it has run. */
export type Cancel = () => void;

/**
 * The time leadership reads and waits on, passed in so the state machine runs the same on a
 * test's manual clock as on the process's own.
 *
 * @example
 * const cancel = systemClock.after(1_000, () => void bid());
 */
export interface Clock {
  /** Milliseconds on a monotonic clock (`performance.now()`). */
  now(): number;
  /** Runs `run` once, `ms` from now. */
  after(ms: number, run: () => void): Cancel;
}

/** The process's own monotonic clock and timers. */
export const systemClock: Clock = {
  now: () => performance.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};
