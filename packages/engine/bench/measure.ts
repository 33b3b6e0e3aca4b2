import { PerformanceObserver } from "node:perf_hooks";
import type { Runner } from "./stream";

/*
 * Measurement. Every pass starts from a fresh, prefilled instance. Throughput and latency
 * come from separate passes, since per-op clock reads would slow the throughput figure.
 * Latency uses process.hrtime.bigint around each op; the maximum is the pause figure (a GC
 * pause or a preemption lands inside some op), and the longest GC pause V8 reported during
 * that pass is kept beside it to tell the two apart. No GC is forced before a throughput
 * pass: a forced full GC shrinks the young generation and slows the pass that follows.
 */

export interface Figures {
  /** Best of the timed throughput passes, by the wall clock. */
  opsPerSecond: number;
  /**
   * Best of the same passes per second of CPU time of the whole process (GC helper threads
   * included): on a shared machine this drops the time spent descheduled, and it charges an
   * engine for garbage collection that runs on another core.
   */
  opsPerCpuSecond: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** Longest GC pause during the latency pass, in ns. */
  gcMax: number;
  /** Bytes the instance retains after the stream (V8 heap + array buffers). */
  retained: number;
}

export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");
  gc();
  gc();
}

/** V8 heap in use plus typed-array backing stores, which live outside the V8 heap. */
export function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Ops per second (wall clock, and CPU time) of one pass over a fresh, prefilled instance. */
export function throughput(runner: Runner, count: number): { wall: number; cpu: number } {
  const { step } = runner.start();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) step(i);
  const wall = Number(process.hrtime.bigint() - started);
  const used = process.cpuUsage(cpu);
  return { wall: (count / wall) * 1e9, cpu: (count / (used.user + used.system)) * 1e6 };
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** V8 hands GC entries to observers asynchronously, after the synchronous pass is over. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

/** Times each op of one run into `samples`; a function of its own so no local outlives it. */
function timeSteps(run: ReturnType<Runner["start"]>, samples: Float64Array): void {
  const step = run.step;
  for (let i = 0; i < samples.length; i++) {
    const begin = process.hrtime.bigint();
    step(i);
    samples[i] = Number(process.hrtime.bigint() - begin);
  }
}

/**
 * The latency pass: builds a fresh instance, collects so no GC debt from the set-up spills
 * into the timed ops, times each op, then weighs what the instance retains (the heap with
 * it, minus the heap once it is dropped).
 */
export async function latency(
  runner: Runner,
  count: number,
): Promise<Omit<Figures, "opsPerSecond" | "opsPerCpuSecond">> {
  const holder: { run: ReturnType<Runner["start"]> | null } = { run: runner.start() };
  collect();
  let gcMax = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMax = Math.max(gcMax, entry.duration * 1e6);
  });
  observer.observe({ entryTypes: ["gc"] });
  const samples = new Float64Array(count);
  if (holder.run !== null) timeSteps(holder.run, samples);
  await settle();
  observer.disconnect();
  collect();
  const withInstance = heapBytes();
  holder.run = null;
  collect();
  const retained = withInstance - heapBytes();

  samples.sort();
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    p999: percentile(samples, 0.999),
    max: samples[samples.length - 1] ?? 0,
    gcMax,
    retained,
  };
}

/**
 * The same timing loop around a step that does nothing: its maximum is what the machine
 * itself (scheduler, other tenants) adds to any op, the floor under the pause figure.
 */
export function emptyStepMax(count: number): number {
  let max = 0;
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const begin = process.hrtime.bigint();
    sink += i & 1;
    const elapsed = Number(process.hrtime.bigint() - begin);
    if (elapsed > max) max = elapsed;
  }
  return sink < 0 ? -1 : max;
}
