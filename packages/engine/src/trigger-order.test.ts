import { describe, expect, it } from "vitest";
import {
  MARKET,
  newEngine,
  place,
  printTrade,
  rest,
  trades,
  triggeredIds,
} from "./engine.test-helper";

describe("trigger order", () => {
  it("runs orders fired by the same trade oldest first, whatever their stop prices", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "stop_limit",
      stopPrice: 103,
      price: 90,
      quantity: 1,
    });
    place(engine, {
      orderId: 2,
      userId: 6,
      side: "buy",
      type: "stop_limit",
      stopPrice: 102,
      price: 90,
      quantity: 1,
    });
    expect(triggeredIds(printTrade(engine, 103, 102))).toEqual([1, 2]);
  });

  it("cascades inside one command: a triggered order's trades can fire further stops", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "stop_market",
      stopPrice: 98,
      quantity: 1,
    });
    place(engine, {
      orderId: 2,
      userId: 6,
      side: "sell",
      type: "stop_market",
      stopPrice: 96,
      quantity: 1,
    });
    rest(engine, 3, "buy", 98, 1, 10);
    rest(engine, 4, "buy", 96, 1, 10);
    rest(engine, 5, "buy", 90, 1, 10);
    const events = place(engine, {
      orderId: 6,
      userId: 20,
      side: "sell",
      type: "market",
      quantity: 1,
    });
    expect(triggeredIds(events)).toEqual([1, 2]);
    expect(trades(events)).toEqual([
      [3, 6, 98, 1],
      [4, 1, 96, 1],
      [5, 2, 90, 1],
    ]);
    expect(engine.lastPrice(MARKET)).toBe(90);
  });
});
