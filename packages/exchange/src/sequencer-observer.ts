import type { ExchangeEvent } from "./events";

/** The stages of one batch: running its jobs in memory, the durable write, publishing. */
export type SequencerPhase = "match" | "commit" | "publish";

/**
 * What metrics and tracing learn of the sequencer's work, passed in as `observer` so the
 * exchange knows nothing of either. Every hook runs on the sequencer's path: keep them cheap.
 *
 * @example
 * const exchange = await Exchange.start({ db, log, observer: metrics.sequencer });
 */
export interface SequencerObserver {
  /**
   * A job joined the queue (`depth` jobs now waiting). Called in the submitter's async
   * context; what it returns comes back as that job's tag in `phase`.
   */
  queued(depth: number): unknown;
  /** A job was refused as busy: the queue already held `depth` jobs, its bound. */
  refusedBusy(depth: number): void;
  /** A batch was taken off the queue, leaving `depth` behind. */
  dequeued(depth: number): void;
  /**
   * Runs one phase of a batch (`tags`: what `queued` returned for each of its jobs), so the
   * observer can time it or run it inside a span. It must return what `run` returns.
   */
  phase<T>(phase: SequencerPhase, tags: readonly unknown[], run: () => T): T;
  /** A batch of `size` jobs committed; `events` are the engine's (book changes, trades). */
  committed(size: number, events: readonly ExchangeEvent[]): void;
  /** A batch of `size` jobs could not be written (the sequencer rebuilds or steps down). */
  failed(size: number): void;
}
