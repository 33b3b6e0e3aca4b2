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

describe("trailing stops", () => {
  it("need a last price to start from", () => {
    const engine = newEngine();
    const events = place(engine, {
      orderId: 1,
      side: "sell",
      type: "trailing_stop",
      trailingDelta: 5,
      quantity: 1,
    });
    expect(events[0]).toMatchObject({ type: "rejected", code: "NO_REFERENCE_PRICE" });
  });

  it("sell: the watermark follows the highest price and fires delta below it", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "sell",
      type: "trailing_stop",
      trailingDelta: 5,
      quantity: 1,
    });
    expect(engine.getOrder(1)).toMatchObject({ watermark: 100, trailingDelta: 5 });
    const up = printTrade(engine, 104, 102);
    expect(up).toContainEqual({
      type: "trailingMoved",
      market: MARKET,
      orderId: 1,
      userId: 5,
      watermark: 104,
    });
    expect(triggeredIds(printTrade(engine, 100, 104))).toEqual([]);
    rest(engine, 10, "buy", 90, 1, 10);
    const down = printTrade(engine, 99, 106);
    expect(down).toContainEqual({
      type: "stopTriggered",
      market: MARKET,
      orderId: 1,
      userId: 5,
      lastPrice: 99,
    });
    expect(trades(down).at(-1)).toEqual([10, 1, 90, 1]);
  });

  it("buy: the watermark follows the lowest price and fires delta above it", () => {
    const engine = newEngine();
    printTrade(engine, 100, 100);
    place(engine, {
      orderId: 1,
      userId: 5,
      side: "buy",
      type: "trailing_stop",
      trailingDelta: 3,
      quoteQuantity: 1_000,
    });
    printTrade(engine, 97, 102);
    expect(engine.getOrder(1)).toMatchObject({ watermark: 97 });
    expect(triggeredIds(printTrade(engine, 99, 104))).toEqual([]);
    expect(triggeredIds(printTrade(engine, 100, 106))).toEqual([1]);
  });
});
