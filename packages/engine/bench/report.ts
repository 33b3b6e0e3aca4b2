import type { Figures } from "./measure";
import type { BenchStream } from "./stream";

/* Plain-text tables for the bench output. */

const MB = 1024 * 1024;

export function micros(ns: number): string {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

const WIDTHS = [22, 11, 11, 9, 9, 10, 10, 10, 9];

function row(cells: string[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[i] ?? 10) : cell.padStart(WIDTHS[i] ?? 10)))
    .join(" ");
}

export function printStream(stream: BenchStream, ours: Figures, theirs: Figures): void {
  console.log(`\n${stream.name}: ${stream.description}`);
  console.log(`  ${count(stream.ops.length)} timed ops: ${stream.mix}`);
  console.log(
    `  resting orders: ${count(stream.restingBefore)} at start, ${count(stream.restingAfter)} at end`,
  );
  console.log(
    `  ${row(["", "ops/s", "ops/cpu-s", "p50", "p99", "p99.9", "max", "gc max", "heap"])}`,
  );
  const line = (name: string, f: Figures) =>
    row([
      name,
      count(f.opsPerSecond),
      count(f.opsPerCpuSecond),
      micros(f.p50),
      micros(f.p99),
      micros(f.p999),
      micros(f.max),
      micros(f.gcMax),
      megabytes(f.retained),
    ]);
  console.log(`  ${line("@cryptotrade/engine", ours)}`);
  console.log(`  ${line("nodejs-order-book", theirs)}`);
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  console.log(
    `  ${row([
      "ratio (better by)",
      x(ours.opsPerSecond, theirs.opsPerSecond),
      x(ours.opsPerCpuSecond, theirs.opsPerCpuSecond),
      x(theirs.p50, ours.p50),
      x(theirs.p99, ours.p99),
      x(theirs.p999, ours.p999),
      x(theirs.max, ours.max),
      x(theirs.gcMax, ours.gcMax),
      x(theirs.retained, ours.retained),
    ])}`,
  );
}

export function verdict(label: string, ok: boolean, detail: string): void {
  console.log(`  [${ok ? "PASS" : "MISS"}] ${label}: ${detail}`);
}
