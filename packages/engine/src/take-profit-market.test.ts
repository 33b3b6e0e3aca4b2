import { describe, expect, it } from "vitest";
import {
  doneOf,
  MARKET,
  newEngine,
  place,
  printTrade,
  rest,
  trades,
  triggeredIds,
} from "./engine.test-helper";

/*
 * take_profit_market fires like take_profit_limit (sell when the last price rises to the
 * stop price, buy when it falls to it) and then runs like stop_market: a market order,
 * capped by base quantity, quote budget or both, whose unfilled rest expires.
 */

describe("take-profit-market orders", () => {
  it("sell waits below the stop price, then sweeps the bids as a market order", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    const accepted = place(engine, {
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "take_profit_market",
      stopPrice: 103,
      quantity: 3,
    });
    expect(accepted).toEqual([
      { type: "accepted", market: MARKET, orderId: 1, userId: 5, status: "untriggered" },
    ]);
    expect(engine.getOrder(1)).toEqual({
      orderId: 1,
      market: MARKET,
      userId: 5,
      side: "sell",
      type: "take_profit_market",
      status: "untriggered",
      triggered: false,
      stopPrice: 103,
      quantity: 3,
      filled: 0,
      remaining: 3,
      timeInForce: "IOC",
      postOnly: false,
      stp: "cancel_newest",
    });
    rest(engine, 2, "buy", 99, 2, 10);
    rest(engine, 3, "buy", 98, 5, 10);
    expect(triggeredIds(printTrade(engine, 102, 104))).toEqual([]);
    const events = printTrade(engine, 103, 106);
    expect(triggeredIds(events)).toEqual([1]);
    // The market sell takes the best bids, far below its stop price: no limit protects it.
    expect(trades(events).filter(([, taker]) => taker === 1)).toEqual([
      [2, 1, 99, 2],
      [3, 1, 98, 1],
    ]);
    expect(doneOf(events, 1)).toMatchObject({ status: "filled", filled: 3 });
    expect(engine.getOrder(1)).toBeUndefined();
  });

  it("buy fires when the price falls to the stop price and spends at most its quote budget", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "take_profit_market",
      stopPrice: 97,
      quoteQuantity: 250,
    });
    rest(engine, 2, "sell", 120, 5, 10);
    expect(triggeredIds(printTrade(engine, 98, 104))).toEqual([]);
    const events = printTrade(engine, 97, 106);
    expect(triggeredIds(events)).toEqual([1]);
    // 250 quote buys two lots at 120; the 10 left cannot buy a third, so the rest expires.
    expect(trades(events).filter(([, taker]) => taker === 1)).toEqual([[2, 1, 120, 2]]);
    expect(doneOf(events, 1)).toMatchObject({
      status: "expired",
      reason: "quote_budget",
      filled: 2,
    });
  });

  it("expires what the book cannot fill instead of resting", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      side: "sell",
      type: "take_profit_market",
      stopPrice: 101,
      quantity: 4,
    });
    rest(engine, 2, "buy", 95, 1, 10);
    const events = printTrade(engine, 101, 104);
    expect(doneOf(events, 1)).toMatchObject({
      status: "expired",
      reason: "no_liquidity",
      filled: 1,
    });
    expect(engine.orderBook(MARKET, 5).asks).toEqual([]);
  });

  it("is rejected when its condition already holds, and refuses limit-only fields", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    const sell = { orderId: 1, side: "sell", type: "take_profit_market", quantity: 1 } as const;
    expect(place(engine, { ...sell, stopPrice: 100 })[0]).toMatchObject({
      code: "STOP_WOULD_TRIGGER_IMMEDIATELY",
    });
    expect(place(engine, { ...sell, side: "buy", stopPrice: 101 })[0]).toMatchObject({
      code: "STOP_WOULD_TRIGGER_IMMEDIATELY",
    });
    expect(place(engine, { ...sell, stopPrice: 105, price: 105 })[0]).toMatchObject({
      code: "FIELD_NOT_ALLOWED",
    });
    expect(place(engine, { ...sell, stopPrice: 105, timeInForce: "GTC" })[0]).toMatchObject({
      code: "FIELD_NOT_ALLOWED",
    });
    expect(place(engine, sell)[0]).toMatchObject({
      code: "MISSING_FIELD",
    });
    expect(place(engine, { ...sell, stopPrice: 105 })[0]).toMatchObject({ type: "accepted" });
  });

  it("is restored untriggered and fires on the next trade at its stop price", () => {
    const engine = newEngine();
    engine.restoreMarketState(MARKET, { lastPrice: 100, sequence: 0 });
    engine.restoreOrder({
      market: MARKET,
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "take_profit_market",
      stopPrice: 102,
      quantity: 2,
      filled: 0,
    });
    expect(engine.getOrder(1)).toMatchObject({ status: "untriggered", stopPrice: 102 });
    rest(engine, 2, "buy", 101, 2, 10);
    const events = printTrade(engine, 102, 104);
    expect(triggeredIds(events)).toEqual([1]);
    expect(doneOf(events, 1)).toMatchObject({ status: "filled", filled: 2 });
    // A market order never rests, so a "triggered" take_profit_market is corrupt data.
    expect(() =>
      engine.restoreOrder({
        market: MARKET,
        orderId: 9,
        userId: 5,
        side: "sell",
        type: "take_profit_market",
        stopPrice: 110,
        quantity: 1,
        triggered: true,
      }),
    ).toThrow(RangeError);
  });
});
