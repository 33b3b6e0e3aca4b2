import os from "node:os";
import { OrderBook, Side } from "nodejs-order-book";
import { MatchingEngine } from "../src/index";
import { BENCH_MARKET, engineRunner } from "./engine-adapter";
import { collect, emptyStepMax, type Figures, heapBytes, latency, throughput } from "./measure";
import { MAPPING_NOTES, nodejsOrderBookRunner } from "./nodejs-order-book-adapter";
import { megabytes, micros, printStream, verdict } from "./report";
import type { BenchStream, Runner } from "./stream";
import { deepBookStream, steadyMixStream } from "./streams";

/*
 * `pnpm bench`: seeded streams, both engines in the same process and run, figures and
 * ratios printed, targets checked. Timings are printed, never asserted.
 */

const SEED = 20_240_601;
const STEADY_OPS = 500_000;
const DEEP_OPS = 200_000;
const MILLION = 1_000_000;
/** Timed throughput passes per engine (the best counts): the machine may be shared. */
const TIMED_ROUNDS = 5;
const MB = 1024 * 1024;

/**
 * Best wall-clock and CPU-time ops/s of `runner` over TIMED_ROUNDS passes, after a warm-up
 * pass that also lets the young generation grow back after the previous engine's run.
 */
function bestThroughput(runner: Runner, count: number) {
  const best = { opsPerSecond: 0, opsPerCpuSecond: 0 };
  throughput(runner, count);
  for (let round = 0; round < TIMED_ROUNDS; round++) {
    const pass = throughput(runner, count);
    best.opsPerSecond = Math.max(best.opsPerSecond, pass.wall);
    best.opsPerCpuSecond = Math.max(best.opsPerCpuSecond, pass.cpu);
  }
  return best;
}

/**
 * Measures both engines on `stream`, ours first, each on its own: an engine's passes would
 * otherwise pay for the garbage the other one left behind. Each gets its throughput passes,
 * then its latency pass; nodejs-order-book's inputs (a string per id) only exist while it
 * runs, so the garbage collector sees nothing of them during ours.
 */
async function compare(stream: BenchStream) {
  const count = stream.ops.length;
  const ourRunner = engineRunner(stream.prefill, stream.ops);
  const ours = { ...bestThroughput(ourRunner, count), ...(await latency(ourRunner, count)) };
  collect();
  const theirRunner = nodejsOrderBookRunner(stream.prefill, stream.ops);
  const theirs = { ...bestThroughput(theirRunner, count), ...(await latency(theirRunner, count)) };
  collect();
  const floor = emptyStepMax(count);
  printStream(stream, ours, theirs);
  console.log(
    `  machine: load average ${os.loadavg()[0]?.toFixed(1)}; the same timing loop around an empty step peaks at ${micros(floor)}`,
  );
  return {
    ours,
    theirs,
    ratio: ours.opsPerSecond / theirs.opsPerSecond,
    cpuRatio: ours.opsPerCpuSecond / theirs.opsPerCpuSecond,
  };
}

function ratioDetail(c: { ratio: number; cpuRatio: number }): string {
  return `${c.ratio.toFixed(1)}x by the wall clock (${c.cpuRatio.toFixed(1)}x per CPU-second)`;
}

function pauseDetail(f: Figures): string {
  return `max ${micros(f.max)}, longest GC pause ${micros(f.gcMax)}`;
}

/** Half bids, half asks, ten orders per level, never crossing. */
function restingOrder(i: number) {
  const level = Math.floor(i / 20);
  const buy = i % 2 === 0;
  const price = buy ? 10_000_000 - 1 - level : 10_000_000 + 1 + level;
  return { buy, price, quantity: 1 + (i % 100) };
}

function fillEngine(count: number): MatchingEngine {
  const engine = new MatchingEngine();
  engine.addMarket({ symbol: BENCH_MARKET });
  for (let i = 0; i < count; i++) {
    const { buy, price, quantity } = restingOrder(i);
    engine.execute({
      kind: "place",
      market: BENCH_MARKET,
      orderId: i + 1,
      userId: 1 + (i % 10_000),
      side: buy ? "buy" : "sell",
      type: "limit",
      price,
      quantity,
    });
  }
  return engine;
}

function fillNodejsOrderBook(count: number): OrderBook {
  const book = new OrderBook();
  for (let i = 0; i < count; i++) {
    const { buy, price, quantity } = restingOrder(i);
    book.limit({ id: String(i + 1), side: buy ? Side.BUY : Side.SELL, size: quantity, price });
  }
  return book;
}

/** Heap held by `count` resting orders: with the instance, minus after dropping it. */
function restingHeap(fill: (count: number) => unknown, count: number): number {
  const holder: { instance: unknown } = { instance: fill(count) };
  collect();
  const withInstance = heapBytes();
  holder.instance = null;
  collect();
  return withInstance - heapBytes();
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(
    `@cryptotrade/engine bench — node ${process.version}, ${cpus[0]?.model ?? "?"}, ${cpus.length} cores, load ${os.loadavg()[0]?.toFixed(1)}, seed ${SEED}`,
  );
  console.log("nodejs-order-book runs the same seeded op streams in the same process; mapping:");
  for (const note of MAPPING_NOTES) console.log(`  - ${note}`);
  console.log(
    `throughput: fresh prefilled instance per pass; per engine a warm-up, then the best of ${TIMED_ROUNDS} passes,`,
  );
  console.log(
    "by the wall clock (ops/s) and per second of process CPU time, GC threads included (ops/cpu-s);",
  );
  console.log(
    "latency: one more pass, each op timed with process.hrtime.bigint; max is the pause figure,",
  );
  console.log(
    "gc max the longest GC pause V8 reported in that pass; heap what the instance retains.",
  );

  const steady = await compare(steadyMixStream(SEED, STEADY_OPS));
  verdict("throughput >= 10x nodejs-order-book", steady.ratio >= 10, ratioDetail(steady));
  verdict("p99 <= 10 µs", steady.ours.p99 <= 10_000, micros(steady.ours.p99));
  verdict("no pause over 5 ms", steady.ours.max <= 5e6, pauseDetail(steady.ours));

  const deep = await compare(deepBookStream(SEED + 1, DEEP_OPS));
  verdict("throughput >= 20x nodejs-order-book", deep.ratio >= 20, ratioDetail(deep));
  verdict("no pause over 5 ms", deep.ours.max <= 5e6, pauseDetail(deep.ours));

  console.log(
    "\n1M resting orders (half bids, half asks, 10 per level), retained after a full GC:",
  );
  const ours = restingHeap(fillEngine, MILLION);
  const theirs = restingHeap(fillNodejsOrderBook, MILLION);
  console.log(`  @cryptotrade/engine  ${megabytes(ours)} (V8 heap + typed-array buffers)`);
  console.log(`  nodejs-order-book    ${megabytes(theirs)}`);
  verdict("1M resting orders in <= 300 MB", ours <= 300 * MB, megabytes(ours));
}

await main();
