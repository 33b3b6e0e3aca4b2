import { describe, expect, it } from "vitest";
import { MARKET, newEngine, place, trades } from "./engine.test-helper";
import type { RestoredOrder } from "./types";

const ask = (orderId: number, price: number, quantity: number, filled = 0): RestoredOrder => ({
  market: MARKET,
  orderId,
  userId: 10,
  side: "sell",
  type: "limit",
  price,
  quantity,
  filled,
});

describe("restoreOrder", () => {
  it("rebuilds resting orders in call order without events, then matching carries on", () => {
    const engine = newEngine();
    engine.restoreOrder(ask(7, 100, 5, 2));
    engine.restoreOrder(ask(3, 100, 4));
    engine.restoreMarketState(MARKET, { lastPrice: 100, sequence: 41 });
    expect(engine.orderBook(MARKET, 5)).toEqual({
      market: MARKET,
      sequence: 41,
      bids: [],
      asks: [[100, 7]],
    });
    const events = place(engine, {
      orderId: 9,
      userId: 2,
      side: "buy",
      type: "market",
      quantity: 4,
    });
    expect(trades(events)).toEqual([
      [7, 9, 100, 3],
      [3, 9, 100, 1],
    ]);
    expect(events.find((e) => e.type === "bookLevel")).toMatchObject({ sequence: 42 });
  });

  it("restores a trailing stop with its watermark and keeps trailing from there", () => {
    const engine = newEngine();
    engine.restoreMarketState(MARKET, { lastPrice: 100, sequence: 0 });
    engine.restoreOrder({
      market: MARKET,
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "trailing_stop",
      trailingDelta: 5,
      quantity: 1,
      watermark: 110,
    });
    engine.restoreOrder(ask(2, 105, 1));
    place(engine, { orderId: 3, userId: 20, side: "buy", type: "limit", price: 90, quantity: 1 });
    // A print at 105 is exactly 5 below the restored watermark of 110.
    const events = place(engine, {
      orderId: 4,
      userId: 21,
      side: "buy",
      type: "market",
      quantity: 1,
    });
    expect(events.some((e) => e.type === "stopTriggered" && e.orderId === 1)).toBe(true);
  });

  it("links OCO partners whichever half comes back first", () => {
    const engine = newEngine();
    engine.restoreOrder({ ...ask(1, 110, 1), userId: 5, ocoWith: 2 });
    engine.restoreOrder({
      market: MARKET,
      orderId: 2,
      userId: 5,
      side: "sell",
      type: "stop_market",
      stopPrice: 95,
      quantity: 1,
    });
    expect(engine.getOrder(1)?.ocoWith).toBe(2);
    expect(engine.getOrder(2)?.ocoWith).toBe(1);
  });

  it("refuses a link to an order that already waits for another partner", () => {
    const engine = newEngine();
    engine.restoreOrder({ ...ask(1, 110, 1), ocoWith: 2 });
    expect(() => engine.restoreOrder({ ...ask(3, 111, 1), ocoWith: 1 })).toThrow(/already linked/);
    expect(engine.getOrder(3)).toBeUndefined();
  });

  it("refuses to run commands while an OCO partner is still missing", () => {
    const engine = newEngine();
    engine.restoreOrder({ ...ask(1, 110, 1), ocoWith: 2 });
    expect(() => engine.execute({ kind: "cancel", market: MARKET, orderId: 1 })).toThrow(
      /never restored/,
    );
  });

  it("throws on data it cannot trust", () => {
    const engine = newEngine();
    engine.restoreOrder({ ...ask(1, 100, 1), userId: 2 });
    const bad: RestoredOrder[] = [
      { ...ask(1, 101, 1) },
      { ...ask(2, 101, 1), market: "ETH" },
      { ...ask(3, 101, 1), filled: 1 },
      { ...ask(4, 101, 1), price: 1.5 },
      { ...ask(5, 100, 1), side: "buy" },
      { ...ask(6, 101, 1), timeInForce: "IOC" },
      { ...ask(8, 101, 1), ocoWith: 8 },
      {
        market: MARKET,
        orderId: 7,
        userId: 1,
        side: "sell",
        type: "trailing_stop",
        trailingDelta: 1,
        quantity: 1,
      },
    ];
    for (const order of bad) expect(() => engine.restoreOrder(order)).toThrow(RangeError);
    // A rejected restore inserts nothing.
    expect(bad.slice(1).map((order) => engine.getOrder(order.orderId))).toEqual(
      bad.slice(1).map(() => undefined),
    );
    expect(() => engine.restoreMarketState(MARKET, { sequence: -1 })).toThrow(RangeError);
  });
});
