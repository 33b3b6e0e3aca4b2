import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BAND_BPS, commandStream, MARKETS } from "./command-arbitraries.test-helper";
import { MatchingEngine } from "./engine";
import type { EngineEvent } from "./events";
import { ReferenceBook } from "./reference-book.test-helper";
import type { Command } from "./types";

function newPair(): { engine: MatchingEngine; reference: ReferenceBook } {
  // A tiny pool so growth of every typed array is exercised too.
  const engine = new MatchingEngine({ expectedOrders: 1 });
  const reference = new ReferenceBook();
  engine.addMarket({ symbol: "A" });
  engine.addMarket({ symbol: "B", priceBandBps: BAND_BPS });
  reference.addMarket("A");
  reference.addMarket("B", BAND_BPS);
  return { engine, reference };
}

/** What the invariants need to remember between commands. */
interface Ledger {
  /** Quantity traded by each live order id, summed from trade events. */
  traded: Map<number, number>;
  /** Ids accepted and not yet done. */
  live: Set<number>;
  /** Last bookLevel sequence seen per market. */
  sequence: Map<string, number>;
}

function checkEvents(events: EngineEvent[], ledger: Ledger): void {
  let lastTradePrice = 0;
  let lastTaker = 0;
  for (const event of events) {
    switch (event.type) {
      case "accepted":
        expect(ledger.live.has(event.orderId)).toBe(false);
        ledger.live.add(event.orderId);
        break;
      case "trade": {
        expect(event.quantity).toBeGreaterThan(0);
        for (const id of [event.makerOrderId, event.takerOrderId]) {
          ledger.traded.set(id, (ledger.traded.get(id) ?? 0) + event.quantity);
        }
        // Price priority: one taker walks the book from the best price outwards.
        if (event.takerOrderId === lastTaker) {
          if (event.aggressorSide === "buy")
            expect(event.price).toBeGreaterThanOrEqual(lastTradePrice);
          else expect(event.price).toBeLessThanOrEqual(lastTradePrice);
        }
        lastTaker = event.takerOrderId;
        lastTradePrice = event.price;
        break;
      }
      case "orderDone":
        // Exactly one orderDone per accepted order, and its fill matches its trades.
        expect(ledger.live.delete(event.orderId)).toBe(true);
        expect(event.filled).toBe(ledger.traded.get(event.orderId) ?? 0);
        ledger.traded.delete(event.orderId);
        break;
      case "bookLevel": {
        const previous = ledger.sequence.get(event.market) ?? 0;
        expect(event.sequence).toBe(previous + 1);
        ledger.sequence.set(event.market, event.sequence);
        break;
      }
      default:
        break;
    }
  }
}

function checkState(engine: MatchingEngine, reference: ReferenceBook, ledger: Ledger): void {
  for (const market of MARKETS) {
    const book = engine.orderBook(market, 1_000);
    expect(book.bids).toEqual(reference.levels(market, "buy"));
    expect(book.asks).toEqual(reference.levels(market, "sell"));
    expect(book.sequence).toBe(reference.sequence(market));
    expect(engine.lastPrice(market)).toBe(reference.lastPrice(market));
    const bid = book.bids[0]?.[0];
    const ask = book.asks[0]?.[0];
    expect(engine.bestBid(market)).toBe(bid);
    expect(engine.bestAsk(market)).toBe(ask);
    // Never crossed after a command.
    if (bid !== undefined && ask !== undefined) expect(bid).toBeLessThan(ask);
  }
  const liveIds = reference.liveIds().sort((a, b) => a - b);
  expect([...ledger.live].sort((a, b) => a - b)).toEqual(liveIds);
  for (const id of liveIds) {
    const view = engine.getOrder(id);
    expect(view).toEqual(reference.view(id));
    if (view === undefined) continue;
    // Quantity conserved: filled is what traded, and filled + remaining = quantity.
    expect(view.filled).toBe(ledger.traded.get(id) ?? 0);
    if (view.quantity !== undefined) {
      expect(view.filled).toBeLessThanOrEqual(view.quantity);
      expect(view.filled + view.remaining).toBe(view.quantity);
    }
  }
}

/** Compares every command's events; checks the full state every `stateEvery` commands. */
function runAgainstReference(commands: Command[], stateEvery = 1): MatchingEngine {
  const { engine, reference } = newPair();
  const ledger: Ledger = { traded: new Map(), live: new Set(), sequence: new Map() };
  commands.forEach((command, i) => {
    const events = engine.execute(command);
    engine.validateInternalState();
    expect(events).toEqual(reference.execute(command));
    checkEvents(events, ledger);
    if (i % stateEvery === 0 || i === commands.length - 1) checkState(engine, reference, ledger);
  });
  return engine;
}

describe("the engine against the reference book", () => {
  it("emits exactly the reference's events for random command streams, keeping every invariant", () => {
    fc.assert(
      fc.property(commandStream, (commands) => {
        runAgainstReference(commands);
      }),
      { numRuns: 150 },
    );
  });

  it("agrees with the reference on books hundreds of levels deep", () => {
    const side = fc.constantFrom("buy" as const, "sell" as const);
    // Buys at 1..1500 and sells at 1501..3000 never cross (market orders do the trading), so
    // each side grows past the sorted index's chunk size (512 levels) and chunks split.
    const limit = fc.record({
      kind: fc.constant("place" as const),
      market: fc.constant("A"),
      orderId: fc.constant(0),
      userId: fc.integer({ min: 1, max: 50 }),
      side,
      type: fc.constant("limit" as const),
      price: fc.integer({ min: 1, max: 1_500 }),
      quantity: fc.integer({ min: 1, max: 20 }),
    });
    const market = fc.record({
      kind: fc.constant("place" as const),
      market: fc.constant("A"),
      orderId: fc.constant(0),
      userId: fc.integer({ min: 1, max: 50 }),
      side,
      type: fc.constant("market" as const),
      quantity: fc.integer({ min: 1, max: 10 }),
    });
    const cancel = fc.record({
      kind: fc.constant("cancel" as const),
      market: fc.constant("A"),
      orderId: fc.nat(),
    });
    const wide = fc.oneof(
      { weight: 20, arbitrary: limit },
      { weight: 2, arbitrary: cancel },
      { weight: 1, arbitrary: market },
    );
    // Places get fresh ids; a cancel names any earlier one.
    const stream = fc.array(wide, { minLength: 3_500, maxLength: 3_500 }).map((commands) =>
      commands.map((c, i): Command => {
        if (c.kind === "cancel") return { ...c, orderId: (c.orderId % (i + 1)) + 1 };
        return c.type === "limit" && c.side === "sell"
          ? { ...c, orderId: i + 1, price: c.price + 1_500 }
          : { ...c, orderId: i + 1 };
      }),
    );
    fc.assert(
      fc.property(stream, (commands) => {
        const engine = runAgainstReference(commands, 250);
        const book = engine.orderBook("A", 10_000);
        expect(Math.min(book.bids.length, book.asks.length)).toBeGreaterThan(512);
      }),
      { numRuns: 1, endOnFailure: true },
    );
  });
});
