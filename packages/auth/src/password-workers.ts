import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Options } from "@node-rs/argon2";
import { z } from "zod";

/**
 * What each worker runs: plain CommonJS, so it works the same under tsx, under vitest and in
 * the server's bundle, where a separate .ts worker file would not exist or not load.
 *
 * On Linux a nice value belongs to a thread, so `setPriority(0, 19)` lowers this worker only:
 * when the cores are busy the scheduler prefers the main thread (trading, market data) and
 * hashing takes what is left. Elsewhere pid 0 would mean the whole process, so it is left at
 * its priority there. The synchronous argon2 calls keep the work on this niced thread rather
 * than on libuv's pool, which the main thread's file and DNS work shares.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { setPriority } = require("node:os");
const { readlinkSync } = require("node:fs");
const argon2 = require(workerData.argon2Path);
const linux = process.platform === "linux";
if (linux) setPriority(0, 19);
const tid = linux ? Number(readlinkSync("/proc/thread-self").split("/").pop()) : null;
parentPort.postMessage({ kind: "ready", tid });
parentPort.on("message", (job) => {
  try {
    const value =
      job.kind === "hash"
        ? argon2.hashSync(job.password, job.options)
        : argon2.verifySync(job.hash, job.password);
    parentPort.postMessage({ kind: "done", id: job.id, value });
  } catch (error) {
    parentPort.postMessage({ kind: "failed", id: job.id, message: String(error?.message ?? error) });
  }
});
`;

/** What a worker says; parsed, as anything crossing a thread boundary is. */
const WorkerMessage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ready"), tid: z.number().int().nullable() }),
  z.object({ kind: z.literal("done"), id: z.number(), value: z.union([z.string(), z.boolean()]) }),
  z.object({ kind: z.literal("failed"), id: z.number(), message: z.string() }),
]);

/** argon2 itself refused (a malformed hash, bad options), as opposed to a worker dying. */
export class Argon2Error extends Error {
  override name = "Argon2Error";
}

type JobMessage =
  | { kind: "hash"; id: number; password: string; options: Options }
  | { kind: "verify"; id: number; hash: string; password: string };

interface Job {
  message: JobMessage;
  resolve(value: string | boolean): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** The worker's Linux thread id, once it said so; for `ps -L` and the tests. */
  tid: number | null;
  /** Closing: takes no new job and stops after the current one. */
  retiring: boolean;
}

/**
 * A few worker threads that run argon2 at the lowest CPU priority. Workers start when the
 * first job arrives, do not keep the process alive while idle, and one that dies is replaced
 * by the next job. There is no bound on waiting jobs here: the hashing gate in front is it.
 *
 * @example
 * const workers = new PasswordWorkers(2);
 * const stored = await workers.hash("correct horse battery staple", { memoryCost: 19_456 });
 * await workers.verify(stored, "correct horse battery staple"); // true
 * await workers.close();
 */
export class PasswordWorkers {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;

  constructor(
    readonly size: number,
    /** The @node-rs/argon2 entry the workers load; resolved from this package by default. */
    private readonly argon2Path = createRequire(import.meta.url).resolve("@node-rs/argon2"),
  ) {}

  /** Hashes `password` on a worker; rejects with Argon2Error when argon2 refuses the options. */
  hash(password: string, options: Options): Promise<string> {
    return this.submit({ kind: "hash", id: ++this.nextId, password, options }).then((value) => {
      if (typeof value !== "string") throw new Error("a password worker returned no hash");
      return value;
    });
  }

  /** Checks `password` against a PHC string; rejects with Argon2Error when it is malformed. */
  verify(hash: string, password: string): Promise<boolean> {
    return this.submit({ kind: "verify", id: ++this.nextId, hash, password }).then((value) => {
      if (typeof value !== "boolean") throw new Error("a password worker returned no verdict");
      return value;
    });
  }

  /** How many jobs were handed to the workers since the pool was made. */
  jobsSubmitted(): number {
    return this.nextId;
  }

  /** The Linux thread ids of the running workers (empty elsewhere); `ps -L` shows them niced. */
  threadIds(): number[] {
    return [...this.slots].flatMap((slot) => (slot.tid === null ? [] : [slot.tid]));
  }

  /**
   * Stops the workers: idle ones now, busy ones after their current job, so a caller sharing
   * the pool loses nothing. A later job starts fresh workers.
   */
  async close(): Promise<void> {
    const exits = [...this.slots].map((slot) => {
      slot.retiring = true;
      // Not events.once: that rejects on an `error` event, and a worker's error is its job's.
      const exited = new Promise<void>((resolve) => slot.worker.once("exit", () => resolve()));
      if (!slot.job) void slot.worker.terminate();
      return exited;
    });
    await Promise.all(exits);
  }

  private submit(message: JobMessage): Promise<string | boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (;;) {
      const job = this.queue[0];
      if (!job) return;
      const slot = this.findIdleSlot() ?? this.startSlotIfRoom();
      if (!slot) return;
      this.queue.shift();
      slot.job = job;
      // Busy, the worker holds the process open like any pending I/O; idle, it does not.
      slot.worker.ref();
      slot.worker.postMessage(job.message);
    }
  }

  private findIdleSlot(): Slot | undefined {
    for (const slot of this.slots) if (!slot.job && !slot.retiring) return slot;
    return undefined;
  }

  private startSlotIfRoom(): Slot | undefined {
    const active = [...this.slots].filter((slot) => !slot.retiring).length;
    if (active >= this.size) return undefined;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { argon2Path: this.argon2Path },
      // The source is plain JavaScript: no need to load tsx (or other loaders) in each worker.
      execArgv: [],
    });
    worker.unref();
    const slot: Slot = { worker, job: undefined, tid: null, retiring: false };
    this.slots.add(slot);
    worker.on("message", (raw: unknown) => this.receive(slot, raw));
    // An uncaught error ends the worker; its job fails with it, and `exit` follows.
    worker.on("error", (error) => this.retire(slot, error));
    worker.on("exit", (code) => {
      this.slots.delete(slot);
      this.finishJob(slot, (job) =>
        job.reject(new Error(`a password worker stopped (exit code ${code}) during its job`)),
      );
    });
    return slot;
  }

  private receive(slot: Slot, raw: unknown): void {
    const parsed = WorkerMessage.safeParse(raw);
    if (!parsed.success) {
      this.retire(slot, new Error(`a password worker said something unexpected: ${parsed.error}`));
      return;
    }
    const message = parsed.data;
    if (message.kind === "ready") {
      slot.tid = message.tid;
      return;
    }
    if (slot.job?.message.id !== message.id) {
      this.retire(slot, new Error(`a password worker answered job ${message.id}, not its own`));
      return;
    }
    this.finishJob(slot, (job) =>
      message.kind === "done"
        ? job.resolve(message.value)
        : job.reject(new Argon2Error(message.message)),
    );
  }

  /** A worker that can no longer be trusted: its job fails with `error` and it stops. */
  private retire(slot: Slot, error: Error): void {
    slot.retiring = true;
    this.finishJob(slot, (job) => job.reject(error));
  }

  /** Settles the slot's job (if any), frees the slot and hands out the next job. */
  private finishJob(slot: Slot, settle: (job: Job) => void): void {
    const job = slot.job;
    slot.job = undefined;
    if (job) settle(job);
    if (this.slots.has(slot)) {
      slot.worker.unref();
      if (slot.retiring) void slot.worker.terminate();
    }
    this.dispatch();
  }
}
