/** Why a call could not even queue: its caller already has `maxWaiting` calls waiting. */
export class WorkQueueFull extends Error {
  constructor(readonly caller: string) {
    super(`${caller} has too many calls waiting`);
  }
}

interface CallerWork {
  /** Points of the calls running now. */
  running: number;
  /** Calls waiting their turn, first come first served: each its points and its go-ahead. */
  waiting: { points: number; start: () => void }[];
}

/**
 * Bounds the work each caller has running at once, in the points of `call-costs.ts`: past
 * `maxPoints` a call waits its turn behind the caller's own, and past `maxWaiting` waiting
 * calls it is refused. A flood then queues behind itself, never in front of anyone else, and
 * has at most `maxPoints` of work (a few queries) ahead of another caller's at any moment.
 * A call heavier than the bound runs alone. Per process and in memory: it bounds this
 * process's database connections and CPU, whatever the other replicas run.
 */
export class WorkInFlight {
  private readonly callers = new Map<string, CallerWork>();

  constructor(
    readonly maxPoints: number,
    readonly maxWaiting: number,
  ) {}

  /**
   * Resolves once `caller` may start a call of `points`, with the function that ends it (call
   * it once, however the call ends). Throws `WorkQueueFull` when the caller's queue is full.
   */
  async begin(caller: string, points: number): Promise<() => void> {
    let work = this.callers.get(caller);
    if (!work) {
      work = { running: 0, waiting: [] };
      this.callers.set(caller, work);
    }
    const own = work;
    if (own.waiting.length === 0 && this.fits(own, points)) {
      own.running += points;
    } else {
      if (own.waiting.length >= this.maxWaiting) throw new WorkQueueFull(caller);
      await new Promise<void>((start) => own.waiting.push({ points, start }));
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      own.running -= points;
      this.startWaiting(caller, own);
    };
  }

  /** Points `caller` has running now (0 for a caller with nothing in flight). */
  running(caller: string): number {
    return this.callers.get(caller)?.running ?? 0;
  }

  private fits(work: CallerWork, points: number): boolean {
    return work.running === 0 || work.running + points <= this.maxPoints;
  }

  private startWaiting(caller: string, work: CallerWork): void {
    for (let next = work.waiting[0]; next && this.fits(work, next.points); next = work.waiting[0]) {
      work.waiting.shift();
      work.running += next.points;
      next.start();
    }
    if (work.running === 0 && work.waiting.length === 0) this.callers.delete(caller);
  }
}
