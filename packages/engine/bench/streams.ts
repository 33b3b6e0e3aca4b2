import type { MatchingEngine } from "../src/index";
import { BENCH_MARKET, newBenchEngine, toCommand } from "./engine-adapter";
import { createRandom, type Random } from "./prng";
import { AMEND, type BenchStream, CANCEL, Columns, LIMIT, MARKET } from "./stream";

/*
 * Seeded stream generators. A generator drives a scratch engine while it writes the stream,
 * so cancels and amends name orders that are live at that point and amends know the filled
 * quantity; the recorded ops are then replayed, identically, against both engines.
 */

const BUY = 0;
const SELL = 1;

/** Live order ids with O(1) add, remove and random pick. */
class LiveSet {
  private readonly ids: number[] = [];
  private readonly at = new Map<number, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: number): void {
    if (this.at.has(id)) return;
    this.at.set(id, this.ids.length);
    this.ids.push(id);
  }

  delete(id: number): void {
    const index = this.at.get(id);
    if (index === undefined) return;
    // Swap-remove: the last id takes the hole.
    const last = this.ids.pop() as number;
    if (last !== id) {
      this.ids[index] = last;
      this.at.set(last, index);
    }
    this.at.delete(id);
  }

  pick(random: Random): number {
    return random.pick(this.ids);
  }
}

class Recorder {
  readonly engine: MatchingEngine = newBenchEngine();
  readonly live = new LiveSet();
  nextId = 1;

  constructor(readonly random: Random) {}

  /** Runs op `i` of `into` on the scratch engine and tracks which orders stay live. */
  run(into: Columns, i: number): void {
    for (const event of this.engine.execute(toCommand(into, i))) {
      if (event.type === "orderDone") this.live.delete(event.orderId);
    }
    const id = into.id[i] ?? 0;
    if (into.kind[i] === LIMIT && this.engine.getOrder(id) !== undefined) this.live.add(id);
  }

  side(): number {
    return this.random.next() < 0.5 ? BUY : SELL;
  }

  gtc(into: Columns, user: number, side: number, price: number): void {
    const quantity = this.random.int(1, 100);
    this.run(into, into.push(LIMIT, this.nextId++, { user, side, price, quantity }));
  }

  cancel(into: Columns): void {
    this.run(into, into.push(CANCEL, this.live.pick(this.random), {}));
  }

  market(into: Columns, user: number, quantity: number): void {
    this.run(into, into.push(MARKET, this.nextId++, { user, side: this.side(), quantity }));
  }

  /** A limit IOC that reaches a few ticks into the book. */
  ioc(into: Columns, user: number, quantity: number): void {
    const side = this.side();
    const best =
      side === BUY ? this.engine.bestAsk(BENCH_MARKET) : this.engine.bestBid(BENCH_MARKET);
    const reach = this.random.int(0, 2);
    const price = best === undefined ? 1 : side === BUY ? best + reach : Math.max(1, best - reach);
    this.run(into, into.push(LIMIT, this.nextId++, { user, side, price, quantity, ioc: 1 }));
  }

  /** Amends a random live order: a price move (up to ±maxMove ticks) or a size cut. */
  amend(
    into: Columns,
    moveShare: number,
    maxMove: number,
    clamp: (side: number, price: number) => number,
  ): void {
    const random = this.random;
    const id = this.live.pick(random);
    const order = this.engine.getOrder(id);
    if (order?.price === undefined || order.quantity === undefined)
      throw new Error(`no live order ${id}`);
    if (random.next() < moveShare || order.remaining < 2) {
      const move = random.int(1, maxMove) * (random.next() < 0.5 ? -1 : 1);
      const price = Math.max(1, clamp(order.side === "buy" ? BUY : SELL, order.price + move));
      this.run(
        into,
        into.push(AMEND, id, { price, quantity: order.quantity, size: order.remaining }),
      );
      return;
    }
    const remaining = random.int(1, order.remaining - 1);
    const quantity = order.filled + remaining;
    this.run(into, into.push(AMEND, id, { price: order.price, quantity, size: remaining }));
  }
}

/**
 * (a) After exchange-core's benchmark: one market, about 1 000 resting orders over some 750
 * price slots, 1 000 users; a steady mix dominated by amends (price moves and size cuts),
 * with GTC placements and cancels holding the book near 1 000 orders, plus IOC and market
 * takers.
 */
export function steadyMixStream(seed: number, opCount: number): BenchStream {
  const MID = 100_000;
  const SLOTS = 375;
  const TARGET = 1_000;
  const recorder = new Recorder(createRandom(seed));
  const random = recorder.random;
  const gtc = (into: Columns) => {
    const side = recorder.side();
    const offset = random.int(1, SLOTS);
    recorder.gtc(into, random.int(1, 1_000), side, side === BUY ? MID - offset : MID + offset);
  };
  const prefill = new Columns(TARGET);
  while (recorder.live.size < TARGET) gtc(prefill);
  const restingBefore = recorder.live.size;
  const ops = new Columns(opCount);
  while (ops.length < opCount) {
    const r = random.next();
    // exchange-core keeps its book near the target size; so does this stream.
    const size = recorder.live.size;
    if (size < TARGET * 0.95 || (r < 0.09 && size <= TARGET * 1.05)) gtc(ops);
    else if (r < 0.09) recorder.cancel(ops);
    else if (r < 0.11) recorder.ioc(ops, random.int(1, 1_000), random.int(1, 50));
    else if (r < 0.12) recorder.market(ops, random.int(1, 1_000), random.int(1, 30));
    else if (r < 0.18) recorder.cancel(ops);
    else recorder.amend(ops, 0.7, 3, (_side, price) => price);
  }
  return {
    name: "(a) steady mix",
    description: "exchange-core-style mix, ~1k resting orders over ~750 price slots, 1k users",
    mix: "82% amend (70% price move ±3 ticks, 30% size cut), 9% GTC, 6% cancel, 2% IOC, 1% market; GTC and cancel shares flex to hold the book at 950..1,050 orders",
    prefill,
    ops,
    restingBefore,
    restingAfter: recorder.live.size,
  };
}

/**
 * (b) A deep book: 130 000 resting orders over 2 000 price levels (about 65 per level),
 * 10 000 users, cancel-heavy flow: new orders and cancels anywhere in the depth, a few
 * amends and small takers at the top. Deep levels are where a per-level O(n) cancel shows;
 * the README says how the ratio moves with orders per level.
 */
export function deepBookStream(seed: number, opCount: number, depthTicks = 1_000): BenchStream {
  const MID = 1_000_000;
  const TARGET = 130_000;
  const recorder = new Recorder(createRandom(seed));
  const random = recorder.random;
  const gtc = (into: Columns) => {
    const side = recorder.side();
    const offset = random.int(1, depthTicks);
    recorder.gtc(into, random.int(1, 10_000), side, side === BUY ? MID - offset : MID + offset);
  };
  const prefill = new Columns(TARGET);
  while (recorder.live.size < TARGET) gtc(prefill);
  const restingBefore = recorder.live.size;
  // Moves stay on their own side of the book, so amends never cross here.
  const ownSide = (side: number, price: number) =>
    side === BUY ? Math.min(price, MID - 1) : Math.max(price, MID + 1);
  const ops = new Columns(opCount);
  while (ops.length < opCount) {
    const r = random.next();
    if (r < 0.45) recorder.cancel(ops);
    else if (r < 0.92) gtc(ops);
    else if (r < 0.96) recorder.amend(ops, 0.5, 50, ownSide);
    else if (r < 0.98) recorder.ioc(ops, random.int(1, 10_000), random.int(1, 20));
    else recorder.market(ops, random.int(1, 10_000), random.int(1, 20));
  }
  const levels = 2 * depthTicks;
  return {
    name: "(b) deep book",
    description: `130k resting orders over ${levels.toLocaleString("en-US")} levels (~${Math.round(TARGET / levels)} per level), 10k users, cancel-heavy`,
    mix: "45% cancel, 47% GTC anywhere in the depth, 4% amend (move or size cut), 2% IOC, 2% market",
    prefill,
    ops,
    restingBefore,
    restingAfter: recorder.live.size,
  };
}
