/** Why a call could not even queue: its caller already has `maxWaiting` calls waiting. */
export class WorkQueueFull extends Error {
  constructor(readonly caller: string) {
    super(`${caller} has too many calls waiting`);
  }
}

/** Why a waiting call never started: whoever asked for it left (its socket closed) first. */
export class WorkAbandoned extends Error {
  constructor(readonly caller: string) {
    super(`${caller} left before the call's turn came`);
  }
}

interface WaitingCall {
  points: number;
  /** True once nobody waits for the answer any more: the call is dropped, not run. */
  abandoned: () => boolean;
  start: () => void;
  drop: () => void;
}

interface CallerWork {
  /** Points of the calls running now. */
  running: number;
  /** Calls waiting their turn, first come first served. */
  waiting: WaitingCall[];
  /** Whether a turn of the event loop is already booked to start waiting calls. */
  draining: boolean;
}

/**
 * Bounds the work each caller has running at once, in the points of `call-costs.ts`: past
 * `maxPoints` a call waits its turn behind the caller's own, and past `maxWaiting` waiting
 * calls it is refused. A flood then queues behind itself, never in front of anyone else, and
 * has at most `maxPoints` of work (a few queries) ahead of another caller's at any moment.
 * A call heavier than the bound runs alone. Per process and in memory: it bounds this
 * process's database connections and CPU, whatever the other replicas run.
 *
 * A waiting call starts on a later turn of the event loop (`setImmediate`), never inside the
 * call that made room for it: with an in-process database (PGlite) every query resolves
 * without I/O, so a queue started from within itself ran all 100 calls in one long chain of
 * microtasks and held every other client's request unread for seconds (the abuse bench's
 * socket floods). A waiting call whose caller left (`abandoned`) is dropped, not run.
 */
export class WorkInFlight {
  private readonly callers = new Map<string, CallerWork>();

  constructor(
    readonly maxPoints: number,
    readonly maxWaiting: number,
  ) {}

  /**
   * Resolves once `caller` may start a call of `points`, with the function that ends it (call
   * it once, however the call ends). Throws `WorkQueueFull` when the caller's queue is full,
   * and `WorkAbandoned` when `abandoned()` is true by the call's turn.
   */
  async begin(
    caller: string,
    points: number,
    abandoned: () => boolean = () => false,
  ): Promise<() => void> {
    let work = this.callers.get(caller);
    if (!work) {
      work = { running: 0, waiting: [], draining: false };
      this.callers.set(caller, work);
    }
    const own = work;
    if (own.waiting.length === 0 && this.fits(own, points)) {
      own.running += points;
    } else {
      if (own.waiting.length >= this.maxWaiting) throw new WorkQueueFull(caller);
      await new Promise<void>((start, drop) =>
        own.waiting.push({ points, abandoned, start, drop: () => drop(new WorkAbandoned(caller)) }),
      );
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      own.running -= points;
      this.scheduleWaiting(caller, own);
    };
  }

  /** Points `caller` has running now (0 for a caller with nothing in flight). */
  running(caller: string): number {
    return this.callers.get(caller)?.running ?? 0;
  }

  /** Calls `caller` has waiting their turn now. */
  waiting(caller: string): number {
    return this.callers.get(caller)?.waiting.length ?? 0;
  }

  private fits(work: CallerWork, points: number): boolean {
    return work.running === 0 || work.running + points <= this.maxPoints;
  }

  private scheduleWaiting(caller: string, work: CallerWork): void {
    if (work.waiting.length === 0) {
      if (work.running === 0 && !work.draining) this.callers.delete(caller);
      return;
    }
    if (work.draining) return;
    work.draining = true;
    setImmediate(() => {
      work.draining = false;
      this.startWaiting(caller, work);
    });
  }

  private startWaiting(caller: string, work: CallerWork): void {
    for (let next = work.waiting[0]; next && this.fits(work, next.points); next = work.waiting[0]) {
      work.waiting.shift();
      if (next.abandoned()) {
        next.drop();
        continue;
      }
      work.running += next.points;
      next.start();
    }
    if (work.running === 0 && work.waiting.length === 0) this.callers.delete(caller);
  }
}
