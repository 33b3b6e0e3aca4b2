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
  /** Best of the timed throughput passes. */
  opsPerSecond: number;
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

/** Ops per second of one pass over a fresh, prefilled instance. */
export function throughput(runner: Runner, count: number): number {
  const { step } = runner.start();
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) step(i);
  return (count / Number(process.hrtime.bigint() - started)) * 1e9;
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** V8 hands GC entries to observers asynchronously, after the synchronous pass is over. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * The latency pass: starts from a full GC (the heap baseline), builds the instance, collects
 * again so no GC debt from the set-up spills into the timed ops, times each op, and weighs
 * what the instance retains.
 */
export async function latency(
  runner: Runner,
  count: number,
): Promise<Omit<Figures, "opsPerSecond">> {
  collect();
  const baseline = heapBytes();
  const run = runner.start();
  collect();
  let gcMax = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMax = Math.max(gcMax, entry.duration * 1e6);
  });
  observer.observe({ entryTypes: ["gc"] });
  const samples = new Float64Array(count);
  const step = run.step;
  for (let i = 0; i < count; i++) {
    const begin = process.hrtime.bigint();
    step(i);
    samples[i] = Number(process.hrtime.bigint() - begin);
  }
  await settle();
  observer.disconnect();
  collect();
  const retained = heapBytes() - baseline;
  keepAlive(run.instance);

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

const sink: unknown[] = [];
/** Keeps `value` reachable up to this point. */
function keepAlive(value: unknown): void {
  sink.push(value);
  sink.length = 0;
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
