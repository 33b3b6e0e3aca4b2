import type { Database } from "@cryptotrade/db/client";
import type { Logger } from "pino";
import { Batch } from "./batch";
import { readBatchOutcome } from "./batch-outcome";
import { NotLeaderError, type OutcomeLookup, outcomeUnknown } from "./errors";
import type { ExchangeListener } from "./events";
import { type Job, JobQueue, type Queued, runJobs, type Settled } from "./job-queue";
import { type BatchWrites, writeBatch } from "./persistence";
import { loadState } from "./recovery";
import { SequencerListeners } from "./sequencer-listeners";
import type { SequencerObserver, SequencerPhase } from "./sequencer-observer";
import { exchangeBusy, rebuilding, shuttingDown, writeRefused } from "./sequencer-refusals";
import type { ExchangeState } from "./state";

export interface SequencerOptions {
  db: Database;
  log: Logger;
  /** Most commands written in one transaction. */
  maxBatchSize?: number;
  /** Most commands waiting; past it a command is refused as busy (default 10,000). */
  maxQueueLength?: number;
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
  private readonly queue: JobQueue;
  private running = false;
  private stopped = false;
  /** Set once a newer leader took over: this sequencer never writes again. */
  private fenced = false;
  /** While memory is rebuilt after a failed batch, commands are refused at once. */
  private recovering = false;
  private batchStartedAt: number | undefined;
  private readonly listeners: SequencerListeners;
  private readonly maxBatchSize: number;

  private constructor(
    private state: ExchangeState,
    private readonly options: SequencerOptions,
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.queue = new JobQueue(options.maxQueueLength);
    this.listeners = new SequencerListeners(options.log);
  }

  static async start(options: SequencerOptions): Promise<Sequencer> {
    return new Sequencer(await loadState(options.db), options);
  }

  /**
   * Runs a job in order with every other; resolves once its effects are durable. `lookup`
   * (the command's clientOrderId or idempotency key) goes into the error when its batch's
   * commit can be neither confirmed nor ruled out.
   */
  submit<T>(job: Job<T>, lookup: OutcomeLookup = {}): Promise<T> {
    if (this.fenced) return Promise.reject(new NotLeaderError());
    if (this.stopped) return Promise.reject(shuttingDown());
    if (this.recovering) return Promise.reject(rebuilding());
    if (this.queue.full) {
      this.options.observer?.refusedBusy(this.queue.length);
      return Promise.reject(exchangeBusy());
    }
    return new Promise<T>((resolve, reject) => {
      const tag = this.options.observer?.queued(this.queue.length + 1);
      this.queue.push({
        run: job,
        resolve: resolve as (value: unknown) => void,
        reject,
        tag,
        lookup,
      });
      if (!this.running) void this.drain();
    });
  }

  /** Reads memory between batches; use only for data that is published after commit anyway. */
  read<T>(reader: (state: ExchangeState) => T): T {
    return reader(this.state);
  }

  subscribe(listener: ExchangeListener): () => void {
    return this.listeners.add(listener);
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
        const jobs = this.queue.take(this.maxBatchSize);
        this.options.observer?.dequeued(this.queue.length);
        await this.runBatch(jobs);
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(jobs: Queued[]): Promise<void> {
    const batch = new Batch();
    const { settled, broken } = this.observe("match", jobs, () => runJobs(jobs, this.state, batch));
    const writes = { batch, ...this.state.ledger.drain() };
    if (broken) {
      this.options.observer?.failed(jobs.length);
      await this.recover(jobs, broken, writeRefused);
      return;
    }
    if (!(await this.commit(jobs, settled, writes))) return;
    this.options.observer?.committed(jobs.length, writes.batch.events);
    this.observe("publish", jobs, () => {
      for (const outcome of settled) {
        if (outcome.ok) outcome.job.resolve(outcome.value);
        else outcome.job.reject(outcome.error);
      }
      this.listeners.publish(writes);
    });
  }

  /**
   * Writes the batch; true once it is durable. When the write fails, whether it committed is
   * read back (the answer to COMMIT may be all that was lost): committed counts as written;
   * not committed refuses the jobs (nothing was done) and rebuilds; unknown tells each caller
   * its command may have executed, and rebuilds from whatever the database holds.
   */
  private async commit(jobs: Queued[], settled: Settled[], writes: BatchWrites): Promise<boolean> {
    const { db, epoch, log } = this.options;
    this.batchStartedAt = performance.now();
    try {
      await this.observe("commit", jobs, () => writeBatch(db, writes, epoch));
      return true;
    } catch (error) {
      const outcome = await readBatchOutcome(db, { id: writes.batch.id, epoch }, log);
      if (outcome === "committed") {
        log.warn(
          { err: error, batch: writes.batch.id },
          "batch committed; only its answer was lost",
        );
        return true;
      }
      this.options.observer?.failed(jobs.length);
      if (outcome === "unknown") {
        // A refused job changed nothing whatever became of the batch; the others may have.
        const answers = new Map(settled.map((s) => [s.job, s]));
        await this.recover(jobs, error, (job) => {
          const answer = answers.get(job);
          return answer && !answer.ok ? answer.error : outcomeUnknown(job.lookup);
        });
        return false;
      }
      if (!(await this.stillLeads())) {
        this.stepDown(jobs, error);
        return false;
      }
      await this.recover(jobs, error, writeRefused);
      return false;
    } finally {
      this.batchStartedAt = undefined;
    }
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
    for (const job of [...jobs, ...this.queue.takeAll()]) job.reject(refusal);
    this.options.onFenced?.();
  }

  /** Answers the failed batch's jobs with `answer`, then rebuilds memory from the database. */
  private async recover(
    jobs: Queued[],
    cause: unknown,
    answer: (job: Queued) => unknown,
  ): Promise<void> {
    this.recovering = true;
    this.options.log.error(
      { err: cause, jobs: jobs.length },
      "batch failed; rebuilding from the database",
    );
    for (const job of jobs) job.reject(answer(job));
    // Commands queued behind the failed batch were never run: refuse them too, now.
    for (const job of this.queue.takeAll()) job.reject(writeRefused());
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
    this.listeners.emit([{ type: "reset" }]);
  }
}
