import { describe, expect, it } from "vitest";
import { MatchingEngine } from "./engine";
import { cancel, MARKET, newEngine, place, printTrade, rest } from "./engine.test-helper";

function ladder() {
  const engine = newEngine();
  rest(engine, 1, "buy", 99, 2);
  rest(engine, 2, "buy", 99, 3);
  rest(engine, 3, "buy", 97, 1);
  rest(engine, 4, "sell", 101, 4);
  rest(engine, 5, "sell", 103, 6);
  return engine;
}

describe("orderBook", () => {
  it("aggregates the top levels best first, with the book sequence", () => {
    expect(ladder().orderBook(MARKET, 1)).toEqual({
      market: MARKET,
      sequence: 5,
      bids: [[99, 5]],
      asks: [[101, 4]],
    });
    expect(ladder().orderBook(MARKET, 10).bids).toEqual([
      [99, 5],
      [97, 1],
    ]);
  });

  it("throws for an unknown market or a bad depth — those are programming errors", () => {
    const engine = ladder();
    expect(() => engine.orderBook("ETH", 5)).toThrow(RangeError);
    expect(() => engine.orderBook(MARKET, -1)).toThrow(RangeError);
  });
});

describe("best prices and last price", () => {
  it("follow the book and the trades", () => {
    const engine = ladder();
    expect([engine.bestBid(MARKET), engine.bestAsk(MARKET), engine.lastPrice(MARKET)]).toEqual([
      99,
      101,
      undefined,
    ]);
    place(engine, { orderId: 6, userId: 2, side: "sell", type: "market", quantity: 5 });
    expect([engine.bestBid(MARKET), engine.lastPrice(MARKET)]).toEqual([97, 99]);
    expect(engine.bestBid("ETH")).toBeUndefined();
  });
});

describe("getOrder", () => {
  it("shows a live order and forgets it once it ends", () => {
    const engine = ladder();
    expect(engine.getOrder(4)).toEqual({
      orderId: 4,
      market: MARKET,
      userId: 1,
      side: "sell",
      type: "limit",
      status: "open",
      triggered: false,
      price: 101,
      quantity: 4,
      filled: 0,
      remaining: 4,
      timeInForce: "GTC",
      postOnly: false,
      stp: "cancel_newest",
    });
    cancel(engine, 4);
    expect(engine.getOrder(4)).toBeUndefined();
    expect(engine.getOrder(-1)).toBeUndefined();
  });
});

describe("estimateMarketFill", () => {
  it("walks the opposite side without executing", () => {
    const engine = ladder();
    const before = engine.stateHash();
    expect(engine.estimateMarketFill(MARKET, "buy", { quantity: 6 })).toEqual({
      quantity: 6,
      quote: 4 * 101 + 2 * 103,
    });
    expect(engine.estimateMarketFill(MARKET, "buy", { quoteQuantity: 700 })).toEqual({
      quantity: 6,
      quote: 610,
    });
    expect(engine.estimateMarketFill(MARKET, "sell", {})).toEqual({
      quantity: 6,
      quote: 5 * 99 + 97,
    });
    expect(engine.stateHash()).toBe(before);
  });

  it("agrees with what a market order then fills", () => {
    const engine = ladder();
    const estimate = engine.estimateMarketFill(MARKET, "buy", { quantity: 9, quoteQuantity: 800 });
    const events = place(engine, {
      orderId: 9,
      userId: 2,
      side: "buy",
      type: "market",
      quantity: 9,
      quoteQuantity: 800,
    });
    const filled = events.flatMap((e) => (e.type === "trade" ? [e.quantity] : []));
    const quote = events.flatMap((e) => (e.type === "trade" ? [e.quantity * e.price] : []));
    expect(estimate).toEqual({
      quantity: filled.reduce((a, b) => a + b, 0),
      quote: quote.reduce((a, b) => a + b, 0),
    });
  });
});

describe("markets", () => {
  it("keep their books, sequences and last prices apart", () => {
    const engine = ladder();
    engine.addMarket({ symbol: "ETH" });
    engine.execute({
      kind: "place",
      market: "ETH",
      orderId: 50,
      userId: 1,
      side: "buy",
      type: "limit",
      price: 5,
      quantity: 1,
    });
    printTrade(engine, 101, 60);
    expect(engine.orderBook("ETH", 5)).toEqual({
      market: "ETH",
      sequence: 1,
      bids: [[5, 1]],
      asks: [],
    });
    expect(engine.lastPrice("ETH")).toBeUndefined();
  });

  it("refuse a duplicate symbol or a bad band", () => {
    const engine = new MatchingEngine();
    engine.addMarket({ symbol: "X" });
    expect(() => engine.addMarket({ symbol: "X" })).toThrow(RangeError);
    expect(() => engine.addMarket({ symbol: "Y", priceBandBps: 0.5 })).toThrow(RangeError);
  });
});
