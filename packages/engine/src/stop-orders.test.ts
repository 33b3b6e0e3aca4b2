import { describe, expect, it } from "vitest";
import {
  cancel,
  doneOf,
  MARKET,
  newEngine,
  place,
  printTrade,
  rest,
  trades,
  triggeredIds,
  types,
} from "./engine.test-helper";

describe("stop-market orders", () => {
  it("wait below the stop price, then trigger in the same command that trades at it", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    const accepted = place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "stop_market",
      stopPrice: 105,
      quantity: 2,
    });
    expect(accepted).toEqual([
      { type: "accepted", market: MARKET, orderId: 1, userId: 5, status: "untriggered" },
    ]);
    expect(engine.getOrder(1)).toMatchObject({
      status: "untriggered",
      triggered: false,
      stopPrice: 105,
    });
    rest(engine, 2, "sell", 105, 1, 10);
    rest(engine, 3, "sell", 106, 5, 10);
    const events = place(engine, {
      orderId: 4,
      userId: 20,
      side: "buy",
      type: "market",
      quantity: 1,
    });
    expect(types(events)).toEqual([
      "accepted",
      "trade",
      "orderDone",
      "bookLevel",
      "orderDone",
      "stopTriggered",
      "trade",
      "orderUpdated",
      "bookLevel",
      "orderDone",
    ]);
    expect(events[5]).toEqual({
      type: "stopTriggered",
      market: MARKET,
      orderId: 1,
      userId: 5,
      lastPrice: 105,
    });
    expect(trades(events)).toEqual([
      [2, 4, 105, 1],
      [3, 1, 106, 2],
    ]);
    expect(doneOf(events, 1)).toMatchObject({ status: "filled", filled: 2 });
  });

  it("wait when there is no last price yet and trigger on the first trade", () => {
    const engine = newEngine();
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "stop_market",
      stopPrice: 100,
      quantity: 1,
    });
    const events = printTrade(engine, 100, 100);
    expect(triggeredIds(events)).toEqual([1]);
  });

  it("are rejected when their condition already holds", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    const buy = place(engine, {
      orderId: 1,
      side: "buy",
      type: "stop_market",
      stopPrice: 100,
      quantity: 1,
    });
    const sell = place(engine, {
      orderId: 2,
      side: "sell",
      type: "stop_market",
      stopPrice: 101,
      quantity: 1,
    });
    expect(buy[0]).toMatchObject({ type: "rejected", code: "STOP_WOULD_TRIGGER_IMMEDIATELY" });
    expect(sell[0]).toMatchObject({ type: "rejected", code: "STOP_WOULD_TRIGGER_IMMEDIATELY" });
  });

  it("can be cancelled while untriggered", () => {
    const engine = newEngine();
    place(engine, {
      orderId: 1,
      side: "sell",
      type: "stop_market",
      stopPrice: 90,
      quoteQuantity: 500,
    });
    expect(cancel(engine, 1)).toEqual([
      {
        type: "orderDone",
        market: MARKET,
        orderId: 1,
        userId: 1,
        filled: 0,
        remaining: 0,
        status: "cancelled",
        reason: "user",
      },
    ]);
    expect(printTrade(engine, 90, 100).some((e) => e.type === "stopTriggered")).toBe(false);
  });
});

describe("stop-limit orders", () => {
  it("trigger when the price falls to a sell stop and rest as limit orders", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "stop_limit",
      stopPrice: 95,
      price: 94,
      quantity: 3,
    });
    rest(engine, 2, "buy", 95, 1, 10);
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "sell",
      type: "market",
      quantity: 1,
    });
    expect(triggeredIds(events)).toEqual([1]);
    expect(events.at(-1)).toMatchObject({
      type: "bookLevel",
      side: "sell",
      price: 94,
      quantity: 3,
    });
    expect(engine.getOrder(1)).toMatchObject({
      type: "stop_limit",
      status: "open",
      triggered: true,
      price: 94,
    });
  });

  it("are checked at every trade price of a sweep, not only the last one", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "stop_limit",
      stopPrice: 101,
      price: 90,
      quantity: 1,
    });
    rest(engine, 2, "buy", 101, 1, 10);
    rest(engine, 3, "buy", 95, 1, 10);
    const events = place(engine, {
      orderId: 4,
      userId: 20,
      side: "sell",
      type: "market",
      quantity: 2,
    });
    // The 101 print fires the buy stop although the sweep ends at 95.
    expect(triggeredIds(events)).toEqual([1]);
    expect(engine.lastPrice(MARKET)).toBe(95);
    expect(engine.getOrder(1)).toMatchObject({ status: "open", triggered: true });
  });
});

describe("take-profit-limit orders", () => {
  it("buy triggers when the price falls to the stop price", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "take_profit_limit",
      stopPrice: 98,
      price: 97,
      quantity: 1,
    });
    expect(triggeredIds(printTrade(engine, 99, 102))).toEqual([]);
    expect(triggeredIds(printTrade(engine, 98, 104))).toEqual([1]);
    expect(engine.getOrder(1)).toMatchObject({ status: "open", price: 97 });
  });

  it("sell triggers when the price rises to the stop price", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "take_profit_limit",
      stopPrice: 103,
      price: 104,
      quantity: 1,
    });
    expect(triggeredIds(printTrade(engine, 103, 102))).toEqual([1]);
  });

  it("is rejected when its condition already holds", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    const events = place(engine, {
      orderId: 1,
      side: "buy",
      type: "take_profit_limit",
      stopPrice: 101,
      price: 101,
      quantity: 1,
    });
    expect(events[0]).toMatchObject({ code: "STOP_WOULD_TRIGGER_IMMEDIATELY" });
  });
});
