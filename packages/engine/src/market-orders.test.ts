import { describe, expect, it } from "vitest";
import { doneOf, MARKET, newEngine, place, rest, trades, types } from "./engine.test-helper";

describe("market orders by base quantity", () => {
  it("sweeps levels best first and ends filled", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    rest(engine, 2, "sell", 105, 5, 10);
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "market",
      quantity: 4,
    });
    expect(trades(events)).toEqual([
      [1, 3, 100, 2],
      [2, 3, 105, 2],
    ]);
    expect(doneOf(events, 3)).toMatchObject({ status: "filled", reason: "filled", filled: 4 });
    expect(engine.lastPrice(MARKET)).toBe(105);
  });

  it("never rests: what the book cannot fill expires with no_liquidity", () => {
    const engine = newEngine();
    rest(engine, 1, "buy", 99, 2, 10);
    const events = place(engine, {
      orderId: 2,
      userId: 20,
      side: "sell",
      type: "market",
      quantity: 5,
    });
    expect(trades(events)).toEqual([[1, 2, 99, 2]]);
    expect(doneOf(events, 2)).toMatchObject({
      status: "expired",
      reason: "no_liquidity",
      filled: 2,
      remaining: 3,
    });
    expect(engine.orderBook(MARKET, 5)).toMatchObject({ bids: [], asks: [] });
  });

  it("is accepted and expires at once on an empty book", () => {
    const engine = newEngine();
    const events = place(engine, { orderId: 1, side: "buy", type: "market", quantity: 1 });
    expect(types(events)).toEqual(["accepted", "orderDone"]);
    expect(events[1]).toMatchObject({ status: "expired", reason: "no_liquidity", filled: 0 });
  });
});

describe("market orders by quote amount", () => {
  it("spends no more than its budget and ends at quote_budget", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 3, 10);
    rest(engine, 2, "sell", 120, 10, 10);
    // 3 × 100 = 300, then 5 × 120 = 600 fits in the 950 left; a 6th lot would not.
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "market",
      quoteQuantity: 950,
    });
    expect(trades(events)).toEqual([
      [1, 3, 100, 3],
      [2, 3, 120, 5],
    ]);
    expect(doneOf(events, 3)).toMatchObject({
      status: "expired",
      reason: "quote_budget",
      filled: 8,
      remaining: 0,
    });
  });

  it("sells by quote amount, stopping before the budget would be exceeded", () => {
    const engine = newEngine();
    rest(engine, 1, "buy", 100, 10, 10);
    const events = place(engine, {
      orderId: 2,
      userId: 20,
      side: "sell",
      type: "market",
      quoteQuantity: 350,
    });
    expect(trades(events)).toEqual([[1, 2, 100, 3]]);
    expect(doneOf(events, 2)).toMatchObject({ reason: "quote_budget", filled: 3 });
  });

  it("with a base quantity too, stops at whichever cap is reached first", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 10, 10);
    const byQuantity = place(engine, {
      orderId: 2,
      userId: 20,
      side: "buy",
      type: "market",
      quantity: 2,
      quoteQuantity: 1_000,
    });
    expect(doneOf(byQuantity, 2)).toMatchObject({ status: "filled", filled: 2 });
    const byQuote = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "market",
      quantity: 5,
      quoteQuantity: 250,
    });
    expect(doneOf(byQuote, 3)).toMatchObject({
      status: "expired",
      reason: "quote_budget",
      filled: 2,
      remaining: 3,
    });
  });

  it("expires at quote_budget without trading when not even one lot is affordable", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 10, 10);
    const events = place(engine, {
      orderId: 2,
      userId: 20,
      side: "buy",
      type: "market",
      quoteQuantity: 99,
    });
    expect(types(events)).toEqual(["accepted", "orderDone"]);
    expect(events[1]).toMatchObject({ reason: "quote_budget", filled: 0 });
  });
});
