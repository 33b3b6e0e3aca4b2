import { describe, expect, it } from "vitest";
import { doneOf, MARKET, newEngine, place, rest, trades, types } from "./engine.test-helper";

/** Asks: 100 × 2 (user 10), 101 × 2 (user 7), 102 × 2 (user 10). User 7 then buys 5. */
function selfCrossing(
  stp?: "cancel_newest" | "cancel_oldest" | "cancel_both",
  timeInForce?: "FOK",
) {
  const engine = newEngine();
  rest(engine, 1, "sell", 100, 2, 10);
  rest(engine, 2, "sell", 101, 2, 7);
  rest(engine, 3, "sell", 102, 2, 10);
  const events = place(engine, {
    orderId: 4,
    userId: 7,
    side: "buy",
    type: "limit",
    price: 102,
    quantity: 5,
    ...(stp === undefined ? {} : { stp }),
    ...(timeInForce === undefined ? {} : { timeInForce }),
  });
  return { engine, events };
}

describe("self-trade prevention", () => {
  it("cancel_newest (the default) ends the taker and leaves the resting order alone", () => {
    const { engine, events } = selfCrossing();
    expect(trades(events)).toEqual([[1, 4, 100, 2]]);
    expect(doneOf(events, 4)).toMatchObject({
      status: "cancelled",
      reason: "self_trade",
      filled: 2,
      remaining: 3,
    });
    expect(doneOf(events, 2)).toBeUndefined();
    expect(engine.getOrder(2)).toMatchObject({ status: "open", remaining: 2 });
  });

  it("cancel_oldest cancels the resting order and lets the taker carry on", () => {
    const { engine, events } = selfCrossing("cancel_oldest");
    expect(trades(events)).toEqual([
      [1, 4, 100, 2],
      [3, 4, 102, 2],
    ]);
    expect(doneOf(events, 2)).toMatchObject({
      status: "cancelled",
      reason: "self_trade",
      filled: 0,
    });
    expect(engine.getOrder(4)).toMatchObject({ status: "open", filled: 4, remaining: 1 });
  });

  it("cancel_both cancels the resting order, then the taker", () => {
    const { engine, events } = selfCrossing("cancel_both");
    const ends = events.filter((e) => e.type === "orderDone").map((e) => [e.orderId, e.reason]);
    expect(ends).toEqual([
      [1, "filled"],
      [2, "self_trade"],
      [4, "self_trade"],
    ]);
    expect(engine.orderBook(MARKET, 5).asks).toEqual([[102, 2]]);
  });

  it("makes a FOK order expire untouched when its own order would stop it", () => {
    const { engine, events } = selfCrossing("cancel_newest", "FOK");
    expect(types(events)).toEqual(["accepted", "orderDone"]);
    expect(events[1]).toMatchObject({ reason: "fok" });
    expect(engine.orderBook(MARKET, 5).asks).toHaveLength(3);
  });

  it("lets a FOK order with cancel_oldest fill around its own orders", () => {
    const engine = newEngine();
    rest(engine, 1, "sell", 100, 2, 10);
    rest(engine, 2, "sell", 101, 2, 7);
    rest(engine, 3, "sell", 102, 3, 10);
    const events = place(engine, {
      orderId: 4,
      userId: 7,
      side: "buy",
      type: "limit",
      price: 102,
      quantity: 5,
      stp: "cancel_oldest",
      timeInForce: "FOK",
    });
    expect(doneOf(events, 4)).toMatchObject({ status: "filled", filled: 5 });
    expect(doneOf(events, 2)).toMatchObject({ reason: "self_trade" });
  });
});
