import type { Batch } from "./batch";
import { ExchangeError, type OutcomeLookup } from "./errors";
import type { ExchangeState } from "./state";

/** A unit of work for the single writer; it may throw an ExchangeError to refuse. */
export type Job<T> = (state: ExchangeState, batch: Batch) => T;

export interface Queued {
  run: Job<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** What the observer tagged the job with when it was queued. */
  tag: unknown;
  /** How the caller can find out what happened, should its batch's outcome be unknown. */
  lookup: OutcomeLookup;
}

/** A job's answer, given once its batch is known committed (or known not to be). */
export type Settled =
  | { job: Queued; ok: true; value: unknown }
  | { job: Queued; ok: false; error: unknown };

/**
 * Runs a batch's jobs against memory, in order. A job's ExchangeError is its answer; any other
 * error is a bug that may have left memory half-changed, so it ends the run as `broken` and
 * nothing of the batch may be written.
 */
export function runJobs(
  jobs: readonly Queued[],
  state: ExchangeState,
  batch: Batch,
): { settled: Settled[]; broken: unknown } {
  const settled: Settled[] = [];
  for (const job of jobs) {
    try {
      settled.push({ job, ok: true, value: job.run(state, batch) });
    } catch (error) {
      if (!(error instanceof ExchangeError)) return { settled, broken: error };
      settled.push({ job, ok: false, error });
    }
  }
  return { settled, broken: undefined };
}

/** Far above any load seen (a batch takes up to 500 jobs), yet bounded (ADR 031). */
const DEFAULT_MAX_QUEUE_LENGTH = 10_000;

/**
 * The jobs waiting for the sequencer, first in first out, at most `capacity` of them. A
 * bounded queue keeps an overload honest: past the bound a caller is refused at once and
 * may retry, instead of waiting behind work its own deadline will not outlive.
 */
export class JobQueue {
  private jobs: Queued[] = [];

  constructor(readonly capacity: number = DEFAULT_MAX_QUEUE_LENGTH) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError("the sequencer's queue must hold at least one job");
    }
  }

  get length(): number {
    return this.jobs.length;
  }

  get full(): boolean {
    return this.jobs.length >= this.capacity;
  }

  push(job: Queued): void {
    this.jobs.push(job);
  }

  /** Removes and returns up to `max` of the oldest jobs. */
  take(max: number): Queued[] {
    return this.jobs.splice(0, max);
  }

  /** Removes and returns every waiting job. */
  takeAll(): Queued[] {
    return this.jobs.splice(0);
  }
}
