import { describe, expect, it } from "vitest";
import { doneOf, MARKET, newEngine, place, rest, trades, types } from "./engine.test-helper";

describe("limit orders (GTC)", () => {
  it("rests an order that does not cross and reports its new level", () => {
    const engine = newEngine();
    expect(rest(engine, 1, "buy", 100, 5)).toEqual([
      { type: "accepted", market: MARKET, orderId: 1, userId: 1, status: "open" },
      { type: "bookLevel", market: MARKET, side: "buy", price: 100, quantity: 5, sequence: 1 },
    ]);
    expect(engine.bestBid(MARKET)).toBe(100);
    expect(engine.getOrder(1)).toMatchObject({ status: "open", remaining: 5, filled: 0 });
  });

  it("fills in price then time priority, always at the maker's price", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 101, 2, 10);
    rest(engine, 2, "sell", 100, 2, 11);
    rest(engine, 3, "sell", 100, 2, 12);
    const events = place(engine, {
      orderId: 4,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 102,
      quantity: 5,
    });
    expect(trades(events)).toEqual([
      [2, 4, 100, 2],
      [3, 4, 100, 2],
      [1, 4, 101, 1],
    ]);
    expect(doneOf(events, 4)).toMatchObject({ status: "filled", reason: "filled", filled: 5 });
    expect(engine.getOrder(1)).toMatchObject({ filled: 1, remaining: 1 });
  });

  it("emits trade, maker update, level change and taker end in that order", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 5, 10);
    const events = place(engine, {
      orderId: 2,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 100,
      quantity: 3,
    });
    expect(events).toEqual([
      { type: "accepted", market: MARKET, orderId: 2, userId: 20, status: "open" },
      {
        type: "trade",
        market: MARKET,
        price: 100,
        quantity: 3,
        makerOrderId: 1,
        takerOrderId: 2,
        makerUserId: 10,
        takerUserId: 20,
        aggressorSide: "buy",
      },
      { type: "orderUpdated", market: MARKET, orderId: 1, userId: 10, filled: 3, remaining: 2 },
      { type: "bookLevel", market: MARKET, side: "sell", price: 100, quantity: 2, sequence: 2 },
      {
        type: "orderDone",
        market: MARKET,
        orderId: 2,
        userId: 20,
        filled: 3,
        remaining: 0,
        status: "filled",
        reason: "filled",
      },
    ]);
  });

  it("rests what a crossing order could not fill, after reporting its partial fill", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    const events = place(engine, {
      orderId: 2,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 100,
      quantity: 5,
    });
    expect(types(events)).toEqual([
      "accepted",
      "trade",
      "orderDone",
      "bookLevel",
      "orderUpdated",
      "bookLevel",
    ]);
    expect(events[4]).toMatchObject({ type: "orderUpdated", orderId: 2, filled: 2, remaining: 3 });
    expect(events[5]).toMatchObject({ side: "buy", price: 100, quantity: 3 });
    expect(engine.orderBook(MARKET, 5)).toMatchObject({ bids: [[100, 3]], asks: [] });
  });
});

describe("limit orders (IOC)", () => {
  it("expires the unfilled rest instead of resting it", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    const events = place(engine, {
      orderId: 2,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 100,
      quantity: 5,
      timeInForce: "IOC",
    });
    expect(trades(events)).toEqual([[1, 2, 100, 2]]);
    expect(doneOf(events, 2)).toMatchObject({
      status: "expired",
      reason: "ioc",
      filled: 2,
      remaining: 3,
    });
    expect(engine.bestBid(MARKET)).toBeUndefined();
    expect(engine.getOrder(2)).toBeUndefined();
  });
});

describe("limit orders (FOK)", () => {
  it("fills entirely when the book holds enough within its price", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    rest(engine, 2, "sell", 101, 3, 11);
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 101,
      quantity: 5,
      timeInForce: "FOK",
    });
    expect(trades(events)).toEqual([
      [1, 3, 100, 2],
      [2, 3, 101, 3],
    ]);
    expect(doneOf(events, 3)).toMatchObject({ status: "filled" });
  });

  it("expires without trading when it cannot fill entirely", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    rest(engine, 2, "sell", 102, 3, 11);
    const before = engine.stateHash();
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 101,
      quantity: 5,
      timeInForce: "FOK",
    });
    expect(types(events)).toEqual(["accepted", "orderDone"]);
    expect(events[1]).toMatchObject({ status: "expired", reason: "fok", filled: 0, remaining: 5 });
    expect(engine.stateHash()).toBe(before);
  });

  it("does not count a maker that an earlier fill cancels through its OCO link", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    place(engine, {
      orderId: 2,
      userId: 10,
      side: "sell",
      type: "limit",
      price: 101,
      quantity: 3,
      ocoWith: 1,
    });
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 101,
      quantity: 5,
      timeInForce: "FOK",
    });
    // Filling order 1 would cancel order 2, so only 2 of the 5 lots are really there.
    expect(types(events)).toEqual(["accepted", "orderDone"]);
    expect(events[1]).toMatchObject({ reason: "fok" });
    expect(engine.orderBook(MARKET, 5).asks).toEqual([
      [100, 2],
      [101, 3],
    ]);
  });
});

describe("post-only limit orders", () => {
  it("rests when it would not take", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 101, 2, 10);
    const events = place(engine, {
      orderId: 2,
      side: "buy",
      type: "limit",
      price: 100,
      quantity: 1,
      postOnly: true,
    });
    expect(types(events)).toEqual(["accepted", "bookLevel"]);
    expect(engine.getOrder(2)).toMatchObject({ postOnly: true, status: "open" });
  });

  it("is rejected when it would take, leaving the book as it was", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 101, 2, 10);
    const before = engine.stateHash();
    const events = place(engine, {
      orderId: 2,
      side: "buy",
      type: "limit",
      price: 101,
      quantity: 1,
      postOnly: true,
    });
    expect(events).toEqual([
      { type: "rejected", market: MARKET, orderId: 2, code: "POST_ONLY_WOULD_TAKE" },
    ]);
    expect(engine.stateHash()).toBe(before);
  });

  it("cannot be combined with IOC or FOK", () => {
    const engine = newEngine();
    const events = place(engine, {
      orderId: 1,
      side: "buy",
      type: "limit",
      price: 100,
      quantity: 1,
      postOnly: true,
      timeInForce: "IOC",
    });
    expect(events).toEqual([
      { type: "rejected", market: MARKET, orderId: 1, code: "INVALID_TIME_IN_FORCE" },
    ]);
  });
});
