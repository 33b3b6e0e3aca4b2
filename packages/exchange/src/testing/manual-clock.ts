import type { Cancel, Clock } from "../leadership/clock";

interface Timer {
  at: number;
  order: number;
  run: () => void;
}

/** Lets every promise that can settle now settle (they queue ahead of the next macrotask). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when a test says so. Timers run in time order, each followed by
 * whatever its promises settle, so a state machine driven by it is deterministic.
 *
 * @example
 * const clock = new ManualClock();
 * clock.after(1_000, () => fired.push(clock.now()));
 * await clock.advance(1_000); // fired: [1000]
 */
export class ManualClock implements Clock {
  private time = 0;
  private timers: Timer[] = [];
  private scheduled = 0;

  now(): number {
    return this.time;
  }

  after(ms: number, run: () => void): Cancel {
    const timer = { at: this.time + Math.max(0, ms), order: this.scheduled++, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time `ms` forward, running every timer due on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    await settle();
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= until)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
      await settle();
    }
    this.time = until;
  }

  /** Moves time to `at` (absolute), running every timer due on the way. */
  advanceTo(at: number): Promise<void> {
    return this.advance(at - this.time);
  }
}
