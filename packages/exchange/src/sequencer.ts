import type { Database } from "@cryptotrade/db/client";
import type { Logger } from "pino";
import { Batch } from "./batch";
import { ExchangeError, NotLeaderError } from "./errors";
import type { ExchangeEvent, ExchangeListener } from "./events";
import { writeBatch } from "./persistence";
import { loadState } from "./recovery";
import type { SequencerObserver, SequencerPhase } from "./sequencer-observer";
import type { ExchangeState } from "./state";

/** A unit of work for the single writer; it may throw an ExchangeError to refuse. */
export type Job<T> = (state: ExchangeState, batch: Batch) => T;

interface Queued {
  run: Job<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** What the observer tagged the job with when it was queued. */
  tag: unknown;
}

export interface SequencerOptions {
  db: Database;
  log: Logger;
  /** Most commands written in one transaction. */
  maxBatchSize?: number;
  /** Metrics and tracing of the queue and each batch (see `sequencer-observer.ts`). */
  observer?: SequencerObserver;
  /** The leadership epoch every batch proves it still holds (see `writeBatch`). */
  epoch: number;
  /** Tells whether `epoch` is still in force, after a batch failed. */
  holdsEpoch: () => Promise<boolean>;
  /** Called once when a batch was refused because a newer leader took over. */
  onFenced?: () => void;
  /** A batch in flight longer than this makes the sequencer report itself stalled. */
  stallMs?: number;
}

/** Whether the sequencer can take and commit work now, and why not. */
export type SequencerHealth = { ok: true } | { ok: false; reason: string };

/**
 * The single writer. Jobs run one at a time against memory; each batch of them is written in
 * one transaction, and only after COMMIT are callers answered and events published. A failed
 * commit refuses the batch and rebuilds memory from the database before taking more work.
 */
export class Sequencer {
  private queue: Queued[] = [];
  private running = false;
  private stopped = false;
  /** Set once a newer leader took over: this sequencer never writes again. */
  private fenced = false;
  /** While memory is rebuilt after a failed batch, commands are refused at once. */
  private recovering = false;
  private batchStartedAt: number | undefined;
  private readonly listeners = new Set<ExchangeListener>();
  private readonly maxBatchSize: number;

  private constructor(
    private state: ExchangeState,
    private readonly options: SequencerOptions,
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 500;
  }

  static async start(options: SequencerOptions): Promise<Sequencer> {
    return new Sequencer(await loadState(options.db), options);
  }

  /** Runs a job in order with every other; resolves once its effects are durable. */
  submit<T>(job: Job<T>): Promise<T> {
    if (this.fenced) return Promise.reject(new NotLeaderError());
    if (this.stopped) {
      return Promise.reject(new ExchangeError("UNAVAILABLE", "The exchange is shutting down"));
    }
    if (this.recovering) {
      return Promise.reject(
        new ExchangeError(
          "UNAVAILABLE",
          "The exchange is recovering from a failed write; nothing was done, please retry",
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const tag = this.options.observer?.queued(this.queue.length + 1);
      this.queue.push({ run: job, resolve: resolve as (value: unknown) => void, reject, tag });
      if (!this.running) void this.drain();
    });
  }

  /** Reads memory between batches; use only for data that is published after commit anyway. */
  read<T>(reader: (state: ExchangeState) => T): T {
    return reader(this.state);
  }

  subscribe(listener: ExchangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Not ok while refusing work (fenced, stopping, rebuilding) or stuck on one batch. */
  health(now = performance.now()): SequencerHealth {
    if (this.fenced) return { ok: false, reason: "a newer leader took over" };
    if (this.stopped) return { ok: false, reason: "stopping" };
    if (this.recovering) return { ok: false, reason: "rebuilding after a failed write" };
    const stallMs = this.options.stallMs ?? 3_000;
    if (this.batchStartedAt !== undefined && now - this.batchStartedAt > stallMs) {
      return { ok: false, reason: `a batch has been committing for over ${stallMs} ms` };
    }
    return { ok: true };
  }

  /** Finishes queued work, then refuses more. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.running || this.queue.length > 0) {
      if (!this.running) await this.drain();
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const jobs = this.queue.splice(0, this.maxBatchSize);
        this.options.observer?.dequeued(this.queue.length);
        await this.runBatch(jobs);
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(jobs: Queued[]): Promise<void> {
    const batch = new Batch();
    const outcomes: Array<() => void> = [];
    const broken = this.observe("match", jobs, (): unknown => {
      for (const job of jobs) {
        try {
          const value = job.run(this.state, batch);
          outcomes.push(() => job.resolve(value));
        } catch (error) {
          if (error instanceof ExchangeError) {
            outcomes.push(() => job.reject(error));
            continue;
          }
          // A bug left memory half-changed: nothing of this batch may be written.
          return error;
        }
      }
      return undefined;
    });
    const writes = { batch, ...this.state.ledger.drain() };
    try {
      if (broken) throw broken;
      this.batchStartedAt = performance.now();
      await this.observe("commit", jobs, () =>
        writeBatch(this.options.db, writes, this.options.epoch),
      );
    } catch (error) {
      this.options.observer?.failed(jobs.length);
      if (!broken && !(await this.stillLeads())) {
        this.stepDown(jobs, error);
        return;
      }
      await this.recover(jobs, error);
      return;
    } finally {
      this.batchStartedAt = undefined;
    }
    this.options.observer?.committed(jobs.length, writes.batch.events);
    this.observe("publish", jobs, () => {
      for (const settle of outcomes) settle();
      this.publish(writes);
    });
  }

  /** Runs one phase of a batch through the observer, when there is one. */
  private observe<T>(phase: SequencerPhase, jobs: Queued[], run: () => T): T {
    const observer = this.options.observer;
    return observer
      ? observer.phase(
          phase,
          jobs.map((job) => job.tag),
          run,
        )
      : run();
  }

  /** False only when the lease row shows a newer epoch; unknown counts as still leading. */
  private async stillLeads(): Promise<boolean> {
    try {
      return await this.options.holdsEpoch();
    } catch (error) {
      this.options.log.warn({ err: error }, "could not read the leadership epoch");
      return true;
    }
  }

  /** A newer leader owns the database: refuse everything, for good, and say so once. */
  private stepDown(jobs: Queued[], cause: unknown): void {
    this.options.log.warn(
      { err: cause, epoch: this.options.epoch, jobs: jobs.length },
      "batch refused: a newer leader took over; stepping down",
    );
    this.fenced = true;
    const refusal = new NotLeaderError();
    for (const job of [...jobs, ...this.queue.splice(0)]) job.reject(refusal);
    this.options.onFenced?.();
  }

  private async recover(jobs: Queued[], cause: unknown): Promise<void> {
    this.recovering = true;
    this.options.log.error(
      { err: cause, jobs: jobs.length },
      "batch failed; rebuilding from the database",
    );
    const refusal = new ExchangeError(
      "UNAVAILABLE",
      "The exchange could not record this; please retry",
    );
    // Commands queued behind the failed batch were never run: refuse them too, now.
    for (const job of [...jobs, ...this.queue.splice(0)]) job.reject(refusal);
    for (;;) {
      try {
        this.state = await loadState(this.options.db);
        break;
      } catch (error) {
        this.options.log.error({ err: error }, "rebuild failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    this.recovering = false;
    this.emit([{ type: "reset" }]);
  }

  private publish(writes: ReturnType<ExchangeState["ledger"]["drain"]> & { batch: Batch }): void {
    const events: ExchangeEvent[] = [...writes.batch.events];
    for (const order of writes.batch.orders.values()) {
      events.push({ type: "order", userId: order.userId, order: { ...order } });
    }
    for (const { userId, asset, available, locked } of writes.balances) {
      events.push({ type: "balance", userId, asset, balance: { available, locked } });
    }
    this.emit(events);
  }

  private emit(events: ExchangeEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.options.log.error({ err: error }, "exchange listener failed");
      }
    }
  }
}
