import { describe, expect, it } from "vitest";
import { cancel, doneOf, MARKET, newEngine, place, printTrade, rest } from "./engine.test-helper";

/** A take-profit limit sell at 110 linked with a stop-loss sell at 95 (user 5). */
function bracket() {
  const engine = newEngine();
  printTrade(engine, 100, 100);
  rest(engine, 1, "sell", 110, 4, 5);
  const linked = place(engine, {
    orderId: 2,
    userId: 5,
    side: "sell",
    type: "stop_market",
    stopPrice: 95,
    quantity: 4,
    ocoWith: 1,
  });
  return { engine, linked };
}

describe("one-cancels-the-other", () => {
  it("links two live orders of the same user, market and side", () => {
    const { engine, linked } = bracket();
    expect(linked[0]).toMatchObject({ type: "accepted", status: "untriggered" });
    expect(engine.getOrder(1)?.ocoWith).toBe(2);
    expect(engine.getOrder(2)?.ocoWith).toBe(1);
  });

  it("cancels the other order as soon as one trades, even partly", () => {
    const { engine } = bracket();
    const events = place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "market",
      quantity: 1,
    });
    expect(doneOf(events, 2)).toMatchObject({ status: "cancelled", reason: "oco" });
    expect(engine.getOrder(1)).toMatchObject({ filled: 1, remaining: 3 });
    expect(engine.getOrder(1)?.ocoWith).toBeUndefined();
  });

  it("cancels the other order when one triggers", () => {
    const { engine } = bracket();
    rest(engine, 3, "buy", 95, 1, 10);
    rest(engine, 4, "buy", 94, 10, 10);
    const events = place(engine, {
      orderId: 5,
      userId: 20,
      side: "sell",
      type: "market",
      quantity: 1,
    });
    const order = events.map((e) => `${e.type}${"orderId" in e ? `:${e.orderId}` : ""}`);
    expect(order.slice(order.indexOf("stopTriggered:2"))).toEqual([
      "stopTriggered:2",
      "orderDone:1",
      "bookLevel",
      "trade",
      "orderUpdated:4",
      "bookLevel",
      "orderDone:2",
    ]);
    expect(doneOf(events, 1)).toMatchObject({ reason: "oco" });
    expect(engine.orderBook(MARKET, 5).asks).toEqual([]);
  });

  it("cancels the other order when one is cancelled", () => {
    const { engine } = bracket();
    const events = cancel(engine, 2);
    expect(events.map((e) => e.type)).toEqual(["orderDone", "orderDone", "bookLevel"]);
    expect(events[0]).toMatchObject({ orderId: 2, reason: "user" });
    expect(events[1]).toMatchObject({ orderId: 1, reason: "oco" });
    expect(engine.getOrder(1)).toBeUndefined();
  });

  it("cancels the resting partner when a new linked order trades on arrival", () => {
    const engine = newEngine();
    rest(engine, 1, "buy", 90, 1, 5);
    rest(engine, 2, "sell", 100, 1, 10);
    const events = place(engine, {
      orderId: 3,
      userId: 5,
      side: "buy",
      type: "limit",
      price: 100,
      quantity: 1,
      ocoWith: 1,
    });
    expect(doneOf(events, 1)).toMatchObject({ reason: "oco" });
    expect(doneOf(events, 3)).toMatchObject({ status: "filled" });
  });

  it("rejects links to unknown, foreign, opposite-side or already linked orders", () => {
    const { engine } = bracket();
    rest(engine, 3, "sell", 120, 1, 6);
    rest(engine, 4, "buy", 80, 1, 5);
    const attempt = (ocoWith: number) =>
      place(engine, {
        orderId: 9,
        userId: 5,
        side: "sell",
        type: "limit",
        price: 130,
        quantity: 1,
        ocoWith,
      })[0];
    for (const ocoWith of [77, 3, 4, 1]) {
      expect(attempt(ocoWith)).toMatchObject({ type: "rejected", code: "INVALID_OCO" });
    }
  });
});
