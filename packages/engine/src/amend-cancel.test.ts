import { describe, expect, it } from "vitest";
import { amend, cancel, MARKET, newEngine, place, rest, trades } from "./engine.test-helper";

/** Two asks at 100: order 1 (first in the queue) then order 2. */
function queue() {
  const engine = newEngine();
  rest(engine, 1, "sell", 100, 5, 10);
  rest(engine, 2, "sell", 100, 5, 11);
  return engine;
}

function takeOne(engine: ReturnType<typeof newEngine>, orderId: number) {
  return trades(place(engine, { orderId, userId: 20, side: "buy", type: "market", quantity: 1 }));
}

describe("amend", () => {
  it("keeps queue priority when the quantity goes down", () => {
    const engine = queue();
    expect(amend(engine, 1, { quantity: 3 })).toEqual([
      {
        type: "amended",
        market: MARKET,
        orderId: 1,
        userId: 10,
        price: 100,
        quantity: 3,
        remaining: 3,
        priorityKept: true,
      },
      { type: "bookLevel", market: MARKET, side: "sell", price: 100, quantity: 8, sequence: 3 },
    ]);
    expect(takeOne(engine, 9)[0]?.[0]).toBe(1);
  });

  it("loses priority when the quantity goes up", () => {
    const engine = queue();
    const events = amend(engine, 1, { quantity: 6 });
    expect(events[0]).toMatchObject({ priorityKept: false, remaining: 6 });
    expect(events[1]).toMatchObject({ type: "bookLevel", quantity: 11 });
    expect(takeOne(engine, 9)[0]?.[0]).toBe(2);
  });

  it("loses priority when the price changes, moving the order between levels", () => {
    const engine = queue();
    rest(engine, 3, "sell", 101, 1, 12);
    const events = amend(engine, 1, { price: 101 });
    expect(events.map((e) => (e.type === "bookLevel" ? [e.price, e.quantity] : e.type))).toEqual([
      "amended",
      [100, 5],
      [101, 6],
    ]);
    expect(engine.orderBook(MARKET, 5).asks).toEqual([
      [100, 5],
      [101, 6],
    ]);
    amend(engine, 2, { price: 102 });
    expect(takeOne(engine, 9)[0]?.[0]).toBe(3);
  });

  it("counts the new quantity as a total that includes what already filled", () => {
    const engine = queue();
    takeOne(engine, 9);
    expect(amend(engine, 1, { quantity: 3 })[0]).toMatchObject({ quantity: 3, remaining: 2 });
    expect(amend(engine, 1, { quantity: 1 })[0]).toMatchObject({
      type: "rejected",
      code: "INVALID_QUANTITY",
    });
  });

  it("trades when a new price crosses the book, then rests the rest", () => {
    const engine = queue();
    rest(engine, 3, "buy", 98, 4, 20);
    const events = amend(engine, 3, { price: 100 });
    expect(trades(events)).toEqual([[1, 3, 100, 4]]);
    expect(engine.getOrder(3)).toBeUndefined();
    expect(engine.orderBook(MARKET, 5).bids).toEqual([]);
  });

  it("rejects a post-only order's new price when it would take", () => {
    const engine = queue();
    place(engine, {
      orderId: 3,
      userId: 20,
      side: "buy",
      type: "limit",
      price: 98,
      quantity: 1,
      postOnly: true,
    });
    expect(amend(engine, 3, { price: 100 })[0]).toMatchObject({ code: "POST_ONLY_WOULD_TAKE" });
  });

  it("does not apply to orders waiting for their trigger", () => {
    const engine = queue();
    place(engine, { orderId: 3, side: "buy", type: "stop_market", stopPrice: 120, quantity: 1 });
    expect(amend(engine, 3, { quantity: 2 })[0]).toMatchObject({ code: "ORDER_NOT_AMENDABLE" });
  });
});

describe("cancel", () => {
  it("removes a resting order by id and reports its level", () => {
    const engine = queue();
    expect(cancel(engine, 1)).toEqual([
      {
        type: "orderDone",
        market: MARKET,
        orderId: 1,
        userId: 10,
        filled: 0,
        remaining: 5,
        status: "cancelled",
        reason: "user",
      },
      { type: "bookLevel", market: MARKET, side: "sell", price: 100, quantity: 5, sequence: 3 },
    ]);
    expect(engine.getOrder(1)).toBeUndefined();
  });

  it("rejects unknown ids and orders of another market", () => {
    const engine = queue();
    engine.addMarket({ symbol: "ETH" });
    expect(cancel(engine, 99)[0]).toMatchObject({ code: "UNKNOWN_ORDER" });
    expect(engine.execute({ kind: "cancel", market: "ETH", orderId: 1 })[0]).toMatchObject({
      code: "UNKNOWN_ORDER",
    });
  });

  it("frees the id for reuse once the order is gone", () => {
    const engine = queue();
    cancel(engine, 1);
    expect(rest(engine, 1, "buy", 90, 1)[0]).toMatchObject({ type: "accepted" });
  });
});
