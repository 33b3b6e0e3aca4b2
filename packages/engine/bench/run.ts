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
const MB = 1024 * 1024;

/** Best ops/s per runner over three rounds, after a warm-up round; runners alternate. */
function alternatingThroughput(runners: Runner[], count: number): number[] {
  const best = runners.map(() => 0);
  for (let round = 0; round < 4; round++) {
    runners.forEach((runner, i) => {
      const opsPerSecond = throughput(runner, count);
      if (round > 0) best[i] = Math.max(best[i] ?? 0, opsPerSecond);
    });
  }
  return best;
}

/**
 * Measures both engines on `stream`. Throughput passes alternate between the engines (one
 * warm-up each, then three rounds, best pass counts) so a busy moment on a shared machine
 * hits both alike. Then each gets its latency pass, ours with nodejs-order-book's inputs
 * (a string per id) dropped, so the garbage collector only sees what our run holds.
 */
async function compare(stream: BenchStream) {
  const count = stream.ops.length;
  const ourRunner = engineRunner(stream.prefill, stream.ops);
  const best = alternatingThroughput(
    [ourRunner, nodejsOrderBookRunner(stream.prefill, stream.ops)],
    count,
  );
  collect();
  const ours = { opsPerSecond: best[0] ?? 0, ...(await latency(ourRunner, count)) };
  collect();
  const theirRunner = nodejsOrderBookRunner(stream.prefill, stream.ops);
  const theirs = { opsPerSecond: best[1] ?? 0, ...(await latency(theirRunner, count)) };
  collect();
  const floor = emptyStepMax(count);
  printStream(stream, ours, theirs);
  console.log(
    `  machine: load average ${os.loadavg()[0]?.toFixed(1)}; the same timing loop around an empty step peaks at ${micros(floor)}`,
  );
  return { ours, theirs, ratio: ours.opsPerSecond / theirs.opsPerSecond };
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
    "throughput: fresh prefilled instance per pass; engines alternate, warm-up then best of 3 each;",
  );
  console.log(
    "latency: one more pass, each op timed with process.hrtime.bigint; max is the pause figure,",
  );
  console.log(
    "gc max the longest GC pause V8 reported in that pass; heap what the instance retains.",
  );

  const steady = await compare(steadyMixStream(SEED, STEADY_OPS));
  verdict("throughput >= 10x nodejs-order-book", steady.ratio >= 10, `${steady.ratio.toFixed(1)}x`);
  verdict("p99 <= 10 µs", steady.ours.p99 <= 10_000, micros(steady.ours.p99));
  verdict("no pause over 5 ms", steady.ours.max <= 5e6, pauseDetail(steady.ours));

  const deep = await compare(deepBookStream(SEED + 1, DEEP_OPS));
  verdict("throughput >= 20x nodejs-order-book", deep.ratio >= 20, `${deep.ratio.toFixed(1)}x`);
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
